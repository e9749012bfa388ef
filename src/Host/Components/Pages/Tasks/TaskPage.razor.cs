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
        _task = await Engine.TaskAsync(User, Id, ct);
        if (_task is not null)
        {
            var files = await Engine.EvidenceAsync(User, Id, ct) ?? [];
            _evidence = new TaskEvidence(_task.Evidence, files);
            var workflow = await Engine.WorkflowAsync(User, _task.WorkflowId, ct);
            _townshipName = workflow?.TownshipName;
            _stageName = workflow?.Stages.FirstOrDefault(s => s.Key == _task.StageKey)?.Name ?? _task.StageKey;
            _taskTitles = workflow?.Tasks.ToDictionary(t => t.Id, t => t.Title) ?? new Dictionary<Guid, string> { [_task.Id] = _task.Title };
            var journal = await Engine.JournalAsync(User, _task.WorkflowId, ct) ?? [];
            _history = [.. journal.Where(j => JournalSentence.TaskIds(j).Contains(Id)).Reverse()];
            _people = await DisplayNames.LookUpAsync(Engine,
                _history.Select(j => j.Actor).Concat(files.Select(f => f.UploadedBy)).Append(_task.Assignee).Append(_task.CompletedBy)
                    .Concat(_task.Countersign?.Instances.SelectMany(i => new[] { i.CompletedBy, i.Key }) ?? []), ct);
            _evidence.People = _people;
        }
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
