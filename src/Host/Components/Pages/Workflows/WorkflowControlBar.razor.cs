using System.Security.Claims;
using Microsoft.AspNetCore.Components;
using MudBlazor;
using Shizhu.Host.Components.Services;
using Shizhu.Workflows.Access;
using Shizhu.Workflows.Runtime;
using Shizhu.Workflows.Runtime.Model;

namespace Shizhu.Host.Components.Pages.Workflows;

/// <summary>
/// 终止 / 暂停 / 恢复 for the county office (the engine refuses anyone else). Each asks a reason in <see cref="ReasonDialog"/>,
/// which goes into the journal; one idempotency key per confirmed dialog.
/// </summary>
public sealed partial class WorkflowControlBar
{
    private bool _busy;

    [Inject] private EngineGateway Engine { get; set; } = default!;
    [Inject] private IDialogService Dialogs { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;

    [Parameter, EditorRequired] public Guid WorkflowId { get; set; }
    [Parameter, EditorRequired] public WorkflowStatus Status { get; set; }
    [Parameter, EditorRequired] public ClaimsPrincipal User { get; set; } = default!;
    /// <summary>Raised after the engine changed the workflow, so the page reads it again.</summary>
    [Parameter] public EventCallback Changed { get; set; }

    private bool Visible => User.IsInRole(Roles.CountyAdmin) && Status is WorkflowStatus.Running or WorkflowStatus.Suspended;

    private static (string Verb, string Prompt, string Done) Words(WorkflowAction action) => action switch
    {
        WorkflowAction.Cancel => ("终止", "终止后，未办结的任务全部取消，创建工作流不能再恢复。请说明原因。", "已终止创建工作流"),
        WorkflowAction.Suspend => ("暂停", "暂停期间任务不能办理，期限不再触发预警，恢复后到期的期限随即生效。请说明原因。", "已暂停创建工作流"),
        _ => ("恢复", "恢复后任务可以继续办理。请说明原因。", "已恢复创建工作流"),
    };

    private async Task RunAsync(WorkflowAction action)
    {
        var (verb, prompt, done) = Words(action);
        var dialog = await Dialogs.ShowAsync<ReasonDialog>($"{verb}创建工作流", new DialogParameters<ReasonDialog>
        {
            { d => d.Action, verb }, { d => d.Prompt, prompt }, { d => d.Danger, action == WorkflowAction.Cancel },
        }, new DialogOptions { MaxWidth = MaxWidth.Small, FullWidth = true, CloseButton = true, CloseOnEscapeKey = true });
        if (await dialog.Result is not { Canceled: false, Data: string reason }) return;
        _busy = true;
        try
        {
            await Engine.ControlWorkflowAsync(User, WorkflowId, action, reason, Guid.NewGuid().ToString("N"), CancellationToken.None);
            Snackbar.Add(done, Severity.Success);
            await Changed.InvokeAsync();
        }
        catch (WorkflowException ex)
        {
            Snackbar.Add(ex.Message, Severity.Error);
        }
        finally
        {
            _busy = false;
        }
    }
}
