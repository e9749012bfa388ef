using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using Shizhu.Workflows.Persistence;
using Shizhu.Workflows.Templates.SubProcesses;

namespace Shizhu.Workflows.Templates;

/// <summary>
/// Reads template definitions. A published version never changes, so its parsed form is cached for the
/// life of the process: a command never re-parses (or re-expands) the template it runs on.
/// </summary>
public sealed class TemplateCatalog
{
    /// <summary>How template documents are read and written: camelCase names and enum values (<c>userTask</c>, <c>county</c>).</summary>
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false) },
    };
    private readonly ConcurrentDictionary<(string Key, int Version), TemplateDefinition> _published = new();

    public async Task<TemplateDefinition> GetAsync(WorkflowDbContext db, string key, int version, CancellationToken ct)
    {
        if (_published.TryGetValue((key, version), out var cached)) return cached;
        var row = await db.Templates.AsNoTracking().SingleAsync(t => t.Key == key && t.Version == version, ct);
        var definition = Parse(row.Definition);
        if (row.Status != TemplateStatus.Draft) _published[(key, version)] = definition;
        return definition;
    }

    /// <summary>
    /// A stored template in the form that runs: its sub-process calls expanded into the elements they stand for, and due
    /// rules that name a parameter given its value.
    /// </summary>
    public static TemplateDefinition Parse(string json) => DueParameters.Resolve(SubProcessExpander.Expand(ParseDocument(json)));

    /// <summary>A stored template as it is written, sub-process definitions and calls included: what is validated and edited.</summary>
    public static TemplateDefinition ParseDocument(string json) =>
        JsonSerializer.Deserialize<TemplateDefinition>(json, Json)
        ?? throw new InvalidOperationException("A template definition is empty.");
}
