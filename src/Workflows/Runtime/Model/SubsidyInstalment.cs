namespace Shizhu.Workflows.Runtime.Model;

/// <summary>A subsidy (补助) instalment recorded by the template's <c>recordSubsidy</c> action.</summary>
public sealed class SubsidyInstalment
{
    public required Guid Id { get; init; }
    public required Guid WorkflowId { get; init; }
    public required string TownshipCode { get; init; }
    public required int Instalment { get; init; }
    public required decimal Amount { get; init; }
    public required DateTimeOffset RecordedAt { get; init; }
}
