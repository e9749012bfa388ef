using System.Security.Claims;
using Microsoft.AspNetCore.Components;
using MudBlazor;
using Shizhu.Host.Components.Services;
using Shizhu.Workflows.Runtime;
using Shizhu.Workflows.Runtime.Queries;
using Shizhu.Workflows.Runtime.Tasks;

namespace Shizhu.Host.Components.Pages.Inbox;

/// <summary>
/// The 办理 dialog. One idempotency key per opening, so a double click completes the task once; the engine's
/// refusals (<see cref="WorkflowException"/>) are shown in the dialog in its own words. Confirming waits until
/// every evidence file the chosen outcome requires is uploaded, which the dialog itself allows.
/// </summary>
public sealed partial class CompleteTaskDialog
{
    private const int MaxComment = 2000;
    private readonly string _idempotencyKey = Guid.NewGuid().ToString("N");
    private MudForm? _form;
    private string? _outcome;
    private string? _comment;
    private string? _error;
    private bool _busy;
    private TaskEvidence? _evidence;
    private TaskDetail? _task;

    [CascadingParameter] private IMudDialogInstance Dialog { get; set; } = default!;
    [Inject] private EngineGateway Engine { get; set; } = default!;

    [Parameter, EditorRequired] public InboxItem Item { get; set; } = default!;
    [Parameter, EditorRequired] public ClaimsPrincipal User { get; set; } = default!;

    /// <summary>The outcome completion would record: the chosen one, or none for a task without outcomes.</summary>
    private string? ChosenOutcome => Item.Outcomes.Count > 0 ? _outcome : null;

    private IReadOnlyList<EvidenceRequirementView> Missing => _evidence?.Missing(ChosenOutcome) ?? [];

    protected override async Task OnInitializedAsync()
    {
        _outcome = Item.Outcomes.FirstOrDefault();
        var task = await Engine.TaskAsync(User, Item.Id, CancellationToken.None);
        var files = await Engine.EvidenceAsync(User, Item.Id, CancellationToken.None);
        if (task is null || files is null)
        {
            _error = "任务不存在。";
            return;
        }
        _evidence = new TaskEvidence(task.Evidence, files);
        _task = task;
    }

    private static string? CheckComment(string? comment) =>
        comment is { Length: > MaxComment } ? $"办理意见不能超过 {MaxComment} 字。" : null;

    private void Cancel() => Dialog.Cancel();

    /// <summary>A task operation (转办, 委派, 退回, …) done from the dialog: close it; the inbox reads the tasks again.</summary>
    private void OperationDone(string operation) => Dialog.Close(DialogResult.Ok(operation));

    private async Task ConfirmAsync()
    {
        if (_busy || _form is null) return;
        await _form.ValidateAsync();
        if (!_form.IsValid || _evidence is null || Missing.Count > 0) return;

        _busy = true;
        _error = null;
        try
        {
            var command = new CompleteTask(ChosenOutcome, null, _comment);
            var task = await Engine.CompleteTaskAsync(User, Item.Id, command, _idempotencyKey, CancellationToken.None);
            Dialog.Close(DialogResult.Ok(task.Id));
        }
        catch (WorkflowException ex)
        {
            _error = ex.Message;
        }
        finally
        {
            _busy = false;
        }
    }
}
