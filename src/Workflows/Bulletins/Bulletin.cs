namespace Shizhu.Workflows.Bulletins;

/// <summary>
/// A supervision bulletin (督查通报) for one month: generated from the data as a draft, its foreword and conclusions
/// edited, approved by the county office, then published with a number of its year (石柱爱卫督〔2024〕3号). The generated
/// content is kept as it was generated (JSON of <see cref="BulletinContent"/>), so a published bulletin never changes.
/// Who did each step and when is on the row itself.
/// </summary>
public sealed class Bulletin
{
    public required Guid Id { get; init; }
    public required int PeriodYear { get; init; }
    public required int PeriodMonth { get; init; }
    /// <summary>Made by the monthly schedule (true) or asked for (false).</summary>
    public required bool Scheduled { get; init; }
    public BulletinStatus Status { get; set; } = BulletinStatus.Draft;
    public required string Title { get; set; }
    public string? Foreword { get; set; }
    public string? Conclusions { get; set; }
    /// <summary>The generated content as JSON (<see cref="BulletinContent"/>).</summary>
    public required string Content { get; init; }
    /// <summary>The year the number counts in (the year of publication) and its place in it, 1, 2, … without gaps.</summary>
    public int? NumberYear { get; set; }
    public int? Sequence { get; set; }
    public string? Number { get; set; }
    public required DateTimeOffset CreatedAt { get; init; }
    public required string CreatedBy { get; init; }
    public DateTimeOffset? EditedAt { get; set; }
    public string? EditedBy { get; set; }
    public DateTimeOffset? ApprovedAt { get; set; }
    public string? ApprovedBy { get; set; }
    public DateTimeOffset? PublishedAt { get; set; }
    public string? PublishedBy { get; set; }
    /// <summary>Optimistic concurrency token: two approvals or publications at once, one wins.</summary>
    public int Revision { get; set; }
}

/// <summary>draft → approved → published.</summary>
public enum BulletinStatus
{
    Draft,
    Approved,
    Published,
}
