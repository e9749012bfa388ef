namespace Shizhu.Workflows.Runtime.InstanceMigration;

/// <summary>
/// A migration plan as a person sends it: move the running workflows of template <see cref="TemplateKey"/> from
/// <see cref="SourceVersion"/> to <see cref="TargetVersion"/>. Elements with the same id map by themselves;
/// <see cref="Mappings"/> adds explicit pairs (a renamed element, or several pairs from one element: a split) and
/// says which elements with no counterpart are to be cancelled. <see cref="DueTimes"/> is <c>recompute</c> (the
/// default: a kept wait whose due rule changed gets the new rule's time) or <c>keep</c> (kept waits keep their times).
/// <see cref="Filter"/> narrows the batch; it is ignored when one workflow is migrated.
/// </summary>
public sealed record MigrationPlanRequest(
    string? TemplateKey,
    int? SourceVersion,
    int? TargetVersion,
    IReadOnlyList<ElementMappingRequest?>? Mappings = null,
    string? DueTimes = null,
    MigrationFilter? Filter = null);

/// <summary>
/// One instruction: tokens on <see cref="From"/> (an element of the source version) go to <see cref="To"/> (an element
/// of the target version); or, with <see cref="Cancel"/>, they are withdrawn (their task cancelled, their timers stopped).
/// </summary>
public sealed record ElementMappingRequest(string? From, string? To = null, bool Cancel = false);

/// <summary>Which workflows of the source version a batch takes: by township, or by id; both empty means all of them.</summary>
public sealed record MigrationFilter(IReadOnlyList<string>? TownshipCodes = null, IReadOnlyList<Guid>? WorkflowIds = null);
