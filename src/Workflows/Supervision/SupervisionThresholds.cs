namespace Shizhu.Workflows.Supervision;

/// <summary>
/// The cockpit's own threshold (configuration section <c>Cockpit</c>): a task is due soon <see cref="DueSoonDays"/> days
/// before its due time. The cards' thresholds are the supervision's (<see cref="SupervisionOptions"/>), one rule for the
/// API, the cockpit and the bulletins.
/// </summary>
public sealed record SupervisionThresholds(int DueSoonDays = 3)
{
    public static readonly SupervisionThresholds Default = new();
}
