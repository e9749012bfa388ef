using System.Security.Claims;
using Microsoft.AspNetCore.Components;
using MudBlazor;
using Shizhu.Host.Components.Services;
using Shizhu.Host.Identity;
using Shizhu.Workflows.Events;
using Shizhu.Workflows.Runtime;
using Shizhu.Workflows.Runtime.Model;
using Shizhu.Workflows.Runtime.Queries;
using Shizhu.Workflows.Runtime.Tasks;

namespace Shizhu.Host.Components.Pages.Tasks.Operations;

/// <summary>
/// The task operations for one task, as the engine allows them to the current user (ADR 0031). Parameters: the task
/// (<see cref="Task"/>, as <c>GET /api/tasks/{id}</c> answers it, with <c>Operations</c>), the signed-in <see cref="User"/>,
/// and <see cref="Changed"/>, called with the operation's name after it succeeded (the host page reloads or closes).
/// </summary>
public sealed partial class TaskOperations
{
    private bool _busy;
    private string? _error;

    [Inject] private EngineGateway Engine { get; set; } = default!;
    [Inject] private IDialogService Dialogs { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;

    [Parameter, EditorRequired] public TaskDetail Task { get; set; } = default!;
    [Parameter, EditorRequired] public ClaimsPrincipal User { get; set; } = default!;
    [Parameter] public EventCallback<string> Changed { get; set; }

    private IReadOnlyList<OperationKind> Shown =>
        [.. OperationKind.All.Where(k => Task.Operations?.Allowed.Contains(k.Name) == true)];

    private string NoteLabel => Task.Operations?.Delegation switch
    {
        DelegationState.Pending => "委派说明",
        DelegationState.Resolved => "受托人办理说明",
        _ => "退回/转办说明",
    };

    private async Task RunAsync(OperationKind kind)
    {
        _error = null;
        if (kind.Immediate)
        {
            await ImmediateAsync(kind);
            return;
        }
        var parameters = new DialogParameters<OperationDialog>
        {
            { d => d.Kind, kind },
            { d => d.Task, Task },
            { d => d.User, User },
        };
        var dialog = await Dialogs.ShowAsync<OperationDialog>($"{kind.Label}：{Task.Title}", parameters,
            new DialogOptions { MaxWidth = MaxWidth.Small, FullWidth = true, CloseOnEscapeKey = true });
        var result = await dialog.Result;
        if (result is { Canceled: false, Data: string message })
        {
            Snackbar.Add(message, Severity.Success);
            await Changed.InvokeAsync(kind.Name);
        }
    }

    private async Task ImmediateAsync(OperationKind kind)
    {
        _busy = true;
        try
        {
            var key = Guid.NewGuid().ToString("N");
            await Engine.RunAsync(sp => kind.Name == TaskOperationNames.Claim
                ? sp.GetRequiredService<TaskAssignment>().ClaimAsync(Task.Id, User.ToActor(), key, CancellationToken.None)
                : sp.GetRequiredService<TaskAssignment>().ReleaseAsync(Task.Id, User.ToActor(), key, CancellationToken.None));
            Snackbar.Add(kind.Name == TaskOperationNames.Claim ? "已领办。" : "已取消领办。", Severity.Success);
            await Changed.InvokeAsync(kind.Name);
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
