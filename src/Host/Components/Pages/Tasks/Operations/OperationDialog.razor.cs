using System.Security.Claims;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Identity;
using MudBlazor;
using Shizhu.Host.Components.Services;
using Shizhu.Host.Identity;
using Shizhu.Workflows.Access;
using Shizhu.Workflows.Events;
using Shizhu.Workflows.Runtime;
using Shizhu.Workflows.Runtime.Queries;
using Shizhu.Workflows.Runtime.Tasks;

namespace Shizhu.Host.Components.Pages.Tasks.Operations;

/// <summary>
/// Runs one task operation through the same engine command as the HTTP API, with one idempotency key per opening (a
/// double click acts once). The pickers offer only people the engine would accept (its <see cref="TaskEligibility"/>
/// rule; for a copy, whoever can read the township's workflows); the engine's refusal is shown in its own words.
/// Closes with the sentence to show the user.
/// </summary>
public sealed partial class OperationDialog
{
    private readonly string _idempotencyKey = Guid.NewGuid().ToString("N");
    private MudForm? _form;
    private IReadOnlyList<Actor> _people = [];
    private string? _person;
    private IReadOnlyCollection<string> _copyTo = [];
    private string? _target;
    private string? _reason;
    private string? _error;
    private bool _busy;

    [CascadingParameter] private IMudDialogInstance Dialog { get; set; } = default!;
    [Inject] private EngineGateway Engine { get; set; } = default!;

    [Parameter, EditorRequired] public OperationKind Kind { get; set; } = default!;
    [Parameter, EditorRequired] public TaskDetail Task { get; set; } = default!;
    [Parameter, EditorRequired] public ClaimsPrincipal User { get; set; } = default!;

    private string PersonLabel => Kind.Name == TaskOperationNames.Delegate ? "受托人" : "接收人";

    protected override async Task OnInitializedAsync()
    {
        if (!Kind.NeedsPerson) return;
        var me = User.ToActor().UserName;
        var everyone = await Engine.RunAsync(sp => People.EveryoneAsync(sp.GetRequiredService<UserManager<AppUser>>()));
        _people = [.. everyone.Where(p => p.UserName != me && (Kind.ManyPeople
            ? p.CanSeeTownship(Task.TownshipCode) || p.DepartmentCode is not null
            : TaskEligibility.CanReceive(p, Task)))];
    }

    private string NameOf(string? userName) => _people.FirstOrDefault(p => p.UserName == userName)?.Name ?? userName ?? "";

    private string TargetName(string? elementId) =>
        Task.Operations?.SendBackTargets.FirstOrDefault(t => t.ElementId == elementId) is { } t ? $"{t.Title}" : elementId ?? "";

    private void Cancel() => Dialog.Cancel();

    private async Task ConfirmAsync()
    {
        if (_busy || _form is null) return;
        await _form.ValidateAsync();
        if (!_form.IsValid) return;
        _busy = true;
        _error = null;
        try
        {
            var done = await Engine.RunAsync(RunAsync);
            Dialog.Close(DialogResult.Ok(done));
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

    private async Task<string> RunAsync(IServiceProvider services)
    {
        var users = services.GetRequiredService<UserManager<AppUser>>();
        var actor = User.ToActor();
        var operations = services.GetRequiredService<global::Shizhu.Workflows.Runtime.Tasks.TaskOperations>();
        var ct = CancellationToken.None;
        switch (Kind.Name)
        {
            case TaskOperationNames.Assign:
                await services.GetRequiredService<TaskAssignment>().AssignAsync(Task.Id, await People.FindAsync(users, _person, "userName"), actor, _idempotencyKey, ct);
                return $"已指派给{NameOf(_person)}。";
            case TaskOperationNames.Transfer:
                await operations.TransferAsync(Task.Id, new TransferTask(_person, _reason), await People.FindAsync(users, _person, "toUser"), actor, _idempotencyKey, ct);
                return $"已转办给{NameOf(_person)}。";
            case TaskOperationNames.Delegate:
                await operations.DelegateAsync(Task.Id, new DelegateTask(_person, _reason), await People.FindAsync(users, _person, "toUser"), actor, _idempotencyKey, ct);
                return $"已委派给{NameOf(_person)}，办理后将退回您确认。";
            case TaskOperationNames.Resolve:
                await operations.ResolveAsync(Task.Id, new ResolveDelegation(_reason), actor, _idempotencyKey, ct);
                return "已退回委托人确认。";
            case TaskOperationNames.SendBack:
                await operations.SendBackAsync(Task.Id, new SendBackTask(_target, _reason), actor, _idempotencyKey, ct);
                return $"已退回至“{TargetName(_target)}”。";
            case TaskOperationNames.Copy:
                var command = new CopyTask([.. _copyTo], null, _reason);
                var result = await operations.CopyAsync(Task.Id, command, await People.CopyRecipientsAsync(users, command, Task.TownshipCode), actor, _idempotencyKey, ct);
                return result.Copied.Count > 0 ? $"已抄送 {result.Copied.Count} 人。" : "所选人员均已收到过此抄送。";
            case TaskOperationNames.Withdraw:
                await operations.WithdrawAsync(Task.Id, new WithdrawTask(_reason), actor, _idempotencyKey, ct);
                return "已撤回，任务已重新打开。";
            default:
                throw new InvalidOperationException($"No dialog for the operation {Kind.Name}.");
        }
    }
}
