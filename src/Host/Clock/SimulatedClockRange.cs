using Shizhu.Workflows.Calendar;

namespace Shizhu.Host.Clock;

/// <summary>
/// How far simulated time may go: the years the statutory calendar can hold. Beyond them working-day deadlines
/// have no calendar, and near <see cref="DateTimeOffset.MaxValue"/> the clock itself overflows while it also
/// drives Kestrel and the framework — one bad <c>to</c> would turn every later request into a 500.
/// </summary>
public static class SimulatedClockRange
{
    /// <summary>1 January of the first year, 00:00 China time.</summary>
    public static readonly DateTimeOffset Earliest = new(StatutoryCalendarAdmin.FirstYear, 1, 1, 0, 0, 0, TimeSpan.FromHours(8));

    /// <summary>The end of the last year, China time.</summary>
    public static readonly DateTimeOffset Latest = new DateTimeOffset(StatutoryCalendarAdmin.LastYear + 1, 1, 1, 0, 0, 0, TimeSpan.FromHours(8)).AddTicks(-1);

    public static readonly string Text =
        $"模拟时间必须在 {StatutoryCalendarAdmin.FirstYear} 年 1 月 1 日至 {StatutoryCalendarAdmin.LastYear} 年 12 月 31 日（北京时间）之间，即法定节假日日历支持的年份。";

    public static bool Contains(DateTimeOffset time) => time >= Earliest && time <= Latest;
}
