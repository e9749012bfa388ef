using Shizhu.Workflows.Events;

namespace Shizhu.Host.Components.Pages.Tasks.Operations;

/// <summary>How each task operation reads in the UI and what its dialog asks for.</summary>
public sealed record OperationKind(string Name, string Label, string Icon, bool NeedsPerson, bool ManyPeople, bool ReasonRequired, string ReasonLabel)
{
    public static readonly IReadOnlyList<OperationKind> All =
    [
        new(TaskOperationNames.Claim, "领办", MudBlazor.Icons.Material.Filled.PanTool, false, false, false, ""),
        new(TaskOperationNames.Release, "取消领办", MudBlazor.Icons.Material.Filled.Undo, false, false, false, ""),
        new(TaskOperationNames.Assign, "指派", MudBlazor.Icons.Material.Filled.AssignmentInd, true, false, false, ""),
        new(TaskOperationNames.Transfer, "转办", MudBlazor.Icons.Material.Filled.Forward, true, false, true, "转办原因"),
        new(TaskOperationNames.Delegate, "委派", MudBlazor.Icons.Material.Filled.SupervisorAccount, true, false, false, "委派说明"),
        new(TaskOperationNames.Resolve, "办理完成，退回委托人", MudBlazor.Icons.Material.Filled.AssignmentReturn, false, false, false, "办理说明"),
        new(TaskOperationNames.SendBack, "退回", MudBlazor.Icons.Material.Filled.KeyboardReturn, false, false, true, "退回原因"),
        new(TaskOperationNames.Copy, "抄送", MudBlazor.Icons.Material.Filled.Share, true, true, false, "抄送说明"),
        new(TaskOperationNames.Withdraw, "撤回", MudBlazor.Icons.Material.Filled.Replay, false, false, true, "撤回原因"),
    ];

    /// <summary>Operations done at once, without a dialog.</summary>
    public bool Immediate => Name is TaskOperationNames.Claim or TaskOperationNames.Release;
}
