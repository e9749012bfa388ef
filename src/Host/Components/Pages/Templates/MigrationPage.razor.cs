using Microsoft.AspNetCore.Components;
using Shizhu.Host.Identity;
using Shizhu.Workflows.Journal;
using Shizhu.Workflows.Runtime;
using Shizhu.Workflows.Runtime.InstanceMigration;
using Shizhu.Workflows.Runtime.Model;
using Shizhu.Workflows.Runtime.Queries;
using Shizhu.Workflows.Templates;
using Shizhu.Workflows.Templates.Versions;

namespace Shizhu.Host.Components.Pages.Templates;

/// <summary>
/// Instance migration in the browser (ADR 0028's engine): from a newer version, the running workflows of an older one —
/// chosen by stage and one by one (each row names its township) —, the element mapping (elements of the source the target
/// lacks, each mapped or cancelled), a dry run with its per-workflow report, the execution, and the
/// <c>WorkflowMigrated</c> journal rows it wrote.
/// </summary>
public sealed partial class MigrationPage
{
    private IReadOnlyList<int>? _sources;
    private int _source;
    private string? _stage;
    private string _dueTimes = "recompute";
    private List<Candidate> _workflows = [];
    private List<MigrationMappingEditor.Row> _mappings = [];
    private IReadOnlyList<ElementDefinition> _sourceElements = [];
    private IReadOnlyList<ElementDefinition> _targetElements = [];
    private MigrationBatchView? _report;
    private IReadOnlyDictionary<Guid, JournalView> _journal = new Dictionary<Guid, JournalView>();
    private string? _error;
    private bool _busy;

    [Parameter] public string Key { get; set; } = "";
    [Parameter] public int Version { get; set; }

    protected override object? LoadKey => (Key, Version);

    private sealed class Candidate(WorkflowSummary summary, string stageName)
    {
        public WorkflowSummary Summary { get; } = summary;
        public string TownshipCode => Summary.TownshipCode;
        public string TownshipName => Summary.TownshipName;
        public int StartYear => Summary.StartYear;
        public string StageName { get; } = stageName;
        public bool Selected { get; set; } = true;
    }

    private List<Guid> SelectedIds => [.. _workflows.Where(w => w.Selected && (_stage is null || w.StageName == _stage)).Select(w => w.Summary.Id)];

    protected override async Task LoadAsync(CancellationToken ct)
    {
        var all = await Engine.WorkflowsAsync(User, ct);
        _sources = [.. all.Where(w => w.TemplateKey == Key && w.TemplateVersion < Version && w.Status is WorkflowStatus.Running or WorkflowStatus.Suspended)
            .Select(w => w.TemplateVersion).Distinct().OrderDescending()];
        if (_sources.Count > 0) await SelectSourceAsync(_sources[0]);
    }

    private async Task SelectSourceAsync(int source)
    {
        _source = source;
        _report = null;
        var all = await Engine.WorkflowsAsync(User, Aborted);
        var source_ = await Engine.RunAsync(s => s.GetRequiredService<TemplateVersions>().GetAsync(Key, source, Aborted));
        var target = await Engine.RunAsync(s => s.GetRequiredService<TemplateVersions>().GetAsync(Key, Version, Aborted));
        if (source_ is null || target is null) return;
        var from = TemplateCatalog.Parse(source_.Definition.GetRawText());
        var to = TemplateCatalog.Parse(target.Definition.GetRawText());
        string StageName(string? key) => from.Stages.FirstOrDefault(s => s.Key == key)?.Name ?? "—";
        _workflows = [.. all.Where(w => w.TemplateKey == Key && w.TemplateVersion == source && w.Status is WorkflowStatus.Running or WorkflowStatus.Suspended)
            .Select(w => new Candidate(w, StageName(w.CurrentStageKey)))];
        _sourceElements = from.Elements;
        _targetElements = to.Elements;
        // Elements with the same id map by themselves; those the target lacks need a decision.
        var kept = to.Elements.Select(e => e.Id).ToHashSet();
        _mappings = [.. from.Elements.Where(e => !kept.Contains(e.Id) && e.Type is ElementType.UserTask or ElementType.TimerEvent or ElementType.MessageEvent)
            .Select(e => new MigrationMappingEditor.Row { From = e.Id })];
    }

    private MigrationPlanRequest Plan() => new(Key, _source, Version,
        [.. _mappings.Where(m => m.From.Length > 0 && (m.Cancel || m.To is { Length: > 0 })).Select(m => new ElementMappingRequest(m.From, m.Cancel ? null : m.To, m.Cancel))],
        _dueTimes, new MigrationFilter(WorkflowIds: SelectedIds));

    private Task DryRunAsync() => RunAsync(async s =>
    {
        _report = await s.GetRequiredService<WorkflowMigration>().DryRunAsync(Plan(), User.ToActor(), Aborted);
        _journal = new Dictionary<Guid, JournalView>();
    });

    private Task ExecuteAsync() => RunAsync(async s =>
    {
        var report = await s.GetRequiredService<WorkflowMigration>().ExecuteAsync(Plan(), User.ToActor(), null, Aborted);
        var queries = s.GetRequiredService<WorkflowQueries>();
        var journal = new Dictionary<Guid, JournalView>();
        foreach (var w in report.Workflows.Where(w => w.Status == WorkflowMigrationView.Migrated))
            if ((await queries.JournalAsync(User.ToActor(), w.WorkflowId, Aborted))?.LastOrDefault(j => j.Kind == JournalKind.WorkflowMigrated) is { } row)
                journal[w.WorkflowId] = row;
        (_report, _journal) = (report, journal);
        Snackbar.Add($"已迁移 {report.Migrated} 个工作流，{report.Refused} 个未迁移。", report.Refused == 0 ? MudBlazor.Severity.Success : MudBlazor.Severity.Warning);
    });

    private async Task RunAsync(Func<IServiceProvider, Task> work)
    {
        (_busy, _error) = (true, null);
        try
        {
            await Engine.RunAsync(async s => { await work(s); return true; });
        }
        catch (WorkflowException e)
        {
            _error = e.Errors is { Count: > 0 } errors ? $"{e.Message} {string.Join("；", errors.Select(x => $"{x.Key}：{x.Value}"))}" : e.Message;
        }
        finally
        {
            _busy = false;
        }
    }
}
