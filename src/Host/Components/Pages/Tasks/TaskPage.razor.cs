using Microsoft.AspNetCore.Components;
using MudBlazor;
using Shizhu.Host.Components.Pages.Workflows;
using Shizhu.Workflows.Runtime.Model;
using Shizhu.Workflows.Runtime.Queries;

namespace Shizhu.Host.Components.Pages.Tasks;

/// <summary>
/// One task (/tasks/{id}): what it asks and why, its form, its decision, its evidence and its history. The one place a
/// task is completed; the inbox's 办理 and the notifications' links lead here.
/// </summary>
public sealed partial class TaskPage
{
    private TaskDetail? _task;
    private TaskEvidence? _evidence;
    private IReadOnlyList<JournalView> _history = [];
    private IReadOnlyDictionary<string, string> _people = new Dictionary<string, string>();
    private IReadOnlyDictionary<Guid, string> _taskTitles = new Dictionary<Guid, string>();
    private string? _townshipName;
    private string? _stageName;
    private DateTimeOffset _now;
    private bool _loaded;

    [Parameter] public Guid Id { get; set; }
    [Inject] private NavigationManager Navigation { get; set; } = default!;

    protected override object? LoadKey => Id;

    /// <summary>Whether the form is offered: an open task of one of the user's roles (the engine checks the scope again).</summary>
    private bool CanWork => _task is { Status: UserTaskStatus.Open } task && User.IsInRole(task.Role);

    protected override async Task LoadAsync(CancellationToken ct)
    {
        _now = Clock.GetUtcNow();
        // Everything is read first and shown at once: a render between two reads (the snackbar of an operation causes
        // one) would otherwise show the new assignee with the old page's names, i.e. a user name (yw-lisi, not 李四).
        var task = await Engine.TaskAsync(User, Id, ct);
        if (task is not null)
        {
            var files = await Engine.EvidenceAsync(User, Id, ct) ?? [];
            var evidence = new TaskEvidence(task.Evidence, files);
            var workflow = await Engine.WorkflowAsync(User, task.WorkflowId, ct);
            var journal = await Engine.JournalAsync(User, task.WorkflowId, ct) ?? [];
            IReadOnlyList<JournalView> history = [.. journal.Where(j => JournalSentence.TaskIds(j).Contains(Id)).Reverse()];
            var people = await DisplayNames.LookUpAsync(Engine,
                history.Select(j => j.Actor).Concat(files.Select(f => f.UploadedBy)).Append(task.Assignee).Append(task.CompletedBy)
                    .Concat(task.Countersign?.Instances.SelectMany(i => new[] { i.CompletedBy, i.Key }) ?? []), ct);
            evidence.People = people;
            _townshipName = workflow?.TownshipName;
            _stageName = workflow?.Stages.FirstOrDefault(s => s.Key == task.StageKey)?.Name ?? task.StageKey;
            _taskTitles = workflow?.Tasks.ToDictionary(t => t.Id, t => t.Title) ?? new Dictionary<Guid, string> { [task.Id] = task.Title };
            (_evidence, _history, _people) = (evidence, history, people);
        }
        _task = task;
        _loaded = true;
    }

    /// <summary>After 转办, 委派, 退回, 抄送 or 撤回 the task may have moved on or out of reach: read it again.</summary>
    private Task OnOperationAsync(string operation) => ReloadAsync();

    private async Task OnCompletedAsync()
    {
        Snackbar.Add($"已办结：{_task?.Title}", Severity.Success);
        await ReloadAsync();
    }
}
