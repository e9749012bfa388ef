namespace Shizhu.Workflows.ReferenceData;

/// <summary>
/// A day that China's statutory calendar moves: a holiday on a weekday, or a make-up working day (调休)
/// on a weekend. Stored as data because each year's calendar is announced late in the year before.
/// </summary>
public sealed class StatutoryDay
{
    public required DateOnly Date { get; init; }
    public required StatutoryDayKind Kind { get; set; }
    public required string Name { get; set; }
}
