namespace Shizhu.Workflows.Supervision;

/// <summary>
/// The thresholds <see cref="CurrentSupervisionFacts"/> uses (configuration section <c>Cockpit</c>): a task is due soon
/// <see cref="DueSoonDays"/> days before its due time; a township holds a yellow card from
/// <see cref="YellowCardAlerts"/> overdue tasks still open or one overdue <see cref="YellowCardDays"/> days, a red card from
/// <see cref="RedCardAlerts"/> or <see cref="RedCardDays"/>.
/// </summary>
public sealed record SupervisionThresholds(
    int DueSoonDays = 3, int YellowCardAlerts = 2, int YellowCardDays = 10, int RedCardAlerts = 5, int RedCardDays = 30)
{
    public static readonly SupervisionThresholds Default = new();
}
