namespace Shizhu.Workflows.Calendar;

/// <summary>
/// Calendar semantics are China Standard Time; instants are stored in UTC. China has kept UTC+8 without
/// daylight saving since 1991, so a fixed offset is exact and needs no tz database in the container.
/// </summary>
public static class ChinaTime
{
    public static readonly TimeSpan Offset = TimeSpan.FromHours(8);

    public static DateOnly Today(DateTimeOffset utcNow) => DateOnly.FromDateTime(utcNow.ToOffset(Offset).DateTime);

    public static DateTimeOffset ToLocal(DateTimeOffset instant) => instant.ToOffset(Offset);

    /// <summary>The last second of <paramref name="day"/> in China, as a UTC instant.</summary>
    public static DateTimeOffset EndOfDay(DateOnly day) =>
        new DateTimeOffset(day.ToDateTime(new TimeOnly(23, 59, 59)), Offset).ToUniversalTime();

    /// <summary><paramref name="time"/> on <paramref name="day"/> in China, as a UTC instant.</summary>
    public static DateTimeOffset At(DateOnly day, TimeOnly time) =>
        new DateTimeOffset(day.ToDateTime(time), Offset).ToUniversalTime();
}
