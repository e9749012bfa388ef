namespace Shizhu.Workflows.Targets;

/// <summary>
/// A title (国家卫生乡镇 or 重庆市卫生乡镇) a township-level unit holds, as the county office recorded it: the year it was
/// conferred and the document (文号) that conferred it. Titles a creation workflow's naming yields are not stored here;
/// they are derived from the workflow (<see cref="TitlesHeld"/>). A revoked title stays, marked, for the trace.
/// </summary>
public sealed class HeldTitle
{
    public required Guid Id { get; init; }
    public required string TownshipCode { get; init; }
    /// <summary>The track's word: <c>national</c> or <c>municipal</c>.</summary>
    public required string Title { get; init; }
    public required int Year { get; set; }
    public required string DocumentNumber { get; set; }
    public required string RecordedBy { get; init; }
    public required DateTimeOffset RecordedAt { get; init; }
    public DateTimeOffset? RevokedAt { get; set; }
    public string? RevokedBy { get; set; }
    public string? RevocationReason { get; set; }

    /// <summary>Optimistic concurrency token: an edit and a revocation at once, exactly one wins.</summary>
    public int Revision { get; set; }
}

/// <summary>
/// The trace (留痕) of a held title: who recorded, edited or revoked it, when, why, and the fields before and after as
/// JSON <c>{"before": {…}, "after": {…}}</c>. Titles belong to no workflow, so they keep their own trace.
/// </summary>
public sealed class HeldTitleChange
{
    public required Guid Id { get; init; }
    public required Guid TitleId { get; init; }
    public required DateTimeOffset At { get; init; }
    public required string Actor { get; init; }
    /// <summary><c>recorded</c>, <c>edited</c> or <c>revoked</c>.</summary>
    public required string Kind { get; init; }
    public string? Reason { get; init; }
    public required string Change { get; init; }
}
