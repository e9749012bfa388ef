using Microsoft.AspNetCore.Components;
using Shizhu.Workflows.Runtime.Queries;

namespace Shizhu.Host.Components.Pages.Workflows;

/// <summary>One creation workflow: its stages in order, its tasks and its journal (办理记录).</summary>
public sealed partial class WorkflowPage
{
    private WorkflowDetail? _detail;
    private IReadOnlyList<JournalView> _journal = [];
    private IReadOnlyDictionary<string, string> _people = new Dictionary<string, string>();
    private DateTimeOffset _now;
    private bool _loaded;

    [Parameter] public Guid Id { get; set; }

    protected override object? LoadKey => Id;

    private string CurrentStageName =>
        _detail?.Stages.FirstOrDefault(s => s.Key == _detail.CurrentStageKey)?.Name ?? "—";

    protected override async Task LoadAsync(CancellationToken ct)
    {
        _now = Clock.GetUtcNow();
        _detail = await Engine.WorkflowAsync(User, Id, ct);
        _journal = _detail is null ? [] : [.. (await Engine.JournalAsync(User, Id, ct) ?? []).Reverse()];
        var userNames = _journal.Select(j => j.Actor).Concat(_detail?.Tasks.Select(t => t.CompletedBy) ?? []);
        _people = await DisplayNames.LookUpAsync(Engine, userNames, ct);
        _loaded = true;
    }
}
