namespace Shizhu.Workflows.Runtime.Model;

/// <summary>
/// A subsidy (补助) instalment recorded by the template's <c>recordSubsidy</c> action when its milestone is reached, and
/// the county finance's confirmation that it was paid (date and voucher number, 凭证号).
/// </summary>
public sealed class SubsidyInstalment
{
    public required Guid Id { get; init; }
    public required Guid WorkflowId { get; init; }
    public required string TownshipCode { get; init; }
    public required int Instalment { get; init; }
    public required decimal Amount { get; init; }
    public required DateTimeOffset RecordedAt { get; init; }
    /// <summary>What made it due, in the plan's words ("通过市级暗访", "命名授牌"): the action's input, else the stage's name.</summary>
    public required string Milestone { get; init; }
    /// <summary>The day in China the milestone was reached: payment can be confirmed from then on.</summary>
    public required DateOnly DueOn { get; init; }
    public DateOnly? PaidOn { get; set; }
    public string? VoucherNumber { get; set; }
    public string? ConfirmedBy { get; set; }
    public DateTimeOffset? ConfirmedAt { get; set; }

    /// <summary>Optimistic concurrency token: two finance users confirming at once, exactly one wins.</summary>
    public int Revision { get; set; }
}
