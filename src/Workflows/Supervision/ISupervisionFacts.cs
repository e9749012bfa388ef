namespace Shizhu.Workflows.Supervision;

/// <summary>
/// What the cockpit and the bulletins need to know about supervision (督办) that the supervision work owns: how urgent an
/// open task is, how often a township was urged (催办), and its 黄牌 / 红牌 status. One port, so the supervision feature's
/// own data (urges, the alert lifecycle, the cards' rule) stays behind it (<see cref="SupervisionFacts"/>), apart from the
/// pages, the API and the bulletins.
/// </summary>
public interface ISupervisionFacts
{
    /// <summary>The warning level of a task open at <paramref name="asOf"/> with this due time.</summary>
    WarningLevel LevelOf(DateTimeOffset? dueAt, DateTimeOffset asOf);

    /// <summary>
    /// Urges per township code in [from, to). Null when urges are not recorded at all (shown as "—", not as 0);
    /// otherwise every township that was urged, the others absent (0).
    /// </summary>
    Task<IReadOnlyDictionary<string, int>?> UrgeCountsAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken ct);

    /// <summary>Each township's card at <paramref name="asOf"/>; a township without one is absent.</summary>
    Task<IReadOnlyDictionary<string, CardStatus>> CardsAsync(DateTimeOffset asOf, CancellationToken ct);
}

/// <summary>How urgent an open task is: none, due soon (黄色预警) or overdue (红色预警).</summary>
public enum WarningLevel
{
    None,
    DueSoon,
    Overdue,
}

/// <summary>A township's card (黄牌 / 红牌) from its red warnings.</summary>
public enum CardStatus
{
    None,
    Yellow,
    Red,
}
