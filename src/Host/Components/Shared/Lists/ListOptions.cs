using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Shizhu.Host.Components.Services;
using Shizhu.Workflows.Persistence;
using Shizhu.Workflows.Templates;

namespace Shizhu.Host.Components.Shared.Lists;

/// <summary>
/// What the lists' filters offer and how they live in the address: townships and stages by Chinese name, and the filters
/// written to the query string, so a leader can send a filtered list as a link and the back button undoes a filter.
/// </summary>
public static class ListOptions
{
    /// <summary>Every township, by code order: the county-wide lists' township choices.</summary>
    public static Task<IReadOnlyList<(string Code, string Name)>> TownshipsAsync(EngineGateway engine, CancellationToken ct) =>
        engine.RunAsync<IReadOnlyList<(string, string)>>(async sp =>
            [.. (await sp.GetRequiredService<WorkflowDbContext>().Townships.AsNoTracking().OrderBy(t => t.Code).ToListAsync(ct))
                .Select(t => (t.Code, t.Name))]);

    /// <summary>
    /// The stages of the published templates, by key, first name met: a handful of small rows rather than a scan of every
    /// workflow's stages.
    /// </summary>
    public static Task<IReadOnlyList<(string Key, string Name)>> StagesAsync(EngineGateway engine, CancellationToken ct) =>
        engine.RunAsync<IReadOnlyList<(string, string)>>(async sp =>
        {
            var definitions = await sp.GetRequiredService<WorkflowDbContext>().Templates.AsNoTracking()
                .Where(t => t.Status == TemplateStatus.Published).OrderBy(t => t.Key).ThenBy(t => t.Version)
                .Select(t => t.Definition).ToListAsync(ct);
            return [.. definitions.SelectMany(d => TemplateCatalog.ParseDocument(d).Stages)
                .DistinctBy(s => s.Key).Select(s => (s.Key, s.Name))];
        });

    /// <summary>Writes the filters into the page's address (empty ones left out); the page reloads from its query parameters.</summary>
    public static void Navigate(NavigationManager navigation, IReadOnlyDictionary<string, object?> parameters) =>
        navigation.NavigateTo(navigation.GetUriWithQueryParameters(parameters.ToDictionary(p => p.Key, p => p.Value is "" ? null : p.Value)));

    /// <summary>A name from the address as an enum member, or null for anything else (an edited link must not break the page).</summary>
    public static TEnum? Member<TEnum>(string? value) where TEnum : struct, Enum =>
        !string.IsNullOrEmpty(value) && !int.TryParse(value, out _) && Enum.TryParse<TEnum>(value, ignoreCase: true, out var member) ? member : null;
}
