namespace Shizhu.Workflows.Bulletins;

/// <summary>
/// What a bulletin reports, generated from the cockpit's data at the end of its month (or now, for the month running):
/// each township's progress against the plan's calendar with its overdue tasks, urges and card, ranked; the overdue
/// items; the stages completed in the month. <see cref="UrgesRecorded"/> false: urges shown as "—".
/// </summary>
public sealed record BulletinContent(
    DateTimeOffset AsOf, DateOnly From, DateOnly To, bool UrgesRecorded,
    IReadOnlyList<BulletinTownship> Townships, IReadOnlyList<BulletinOverdueItem> Overdue, IReadOnlyList<BulletinCompletedStage> Completed);

/// <summary>One township's line, <see cref="Rank"/> 1 the furthest ahead (progress, then fewer overdue tasks; townships whose plan has not begun last).</summary>
public sealed record BulletinTownship(
    int Rank, string TownshipCode, string TownshipName, string Track, int StartYear, int TargetYear,
    string PlannedPhase, string CurrentStages, int CompletedStages, int TotalStages, decimal Progress,
    int OverdueTasks, int? Urges, string Card);

/// <summary>A task open past its due time at the bulletin's moment.</summary>
public sealed record BulletinOverdueItem(string TownshipName, string StageName, string Title, DateTimeOffset DueAt, int DaysOverdue);

/// <summary>A stage completed in the bulletin's month.</summary>
public sealed record BulletinCompletedStage(string TownshipName, string StageName, DateOnly CompletedOn);
