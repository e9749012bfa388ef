namespace Shizhu.Host.Configuration;

/// <summary><c>Clock</c>: real time, or a simulated clock an administrator can move forward (demo only).</summary>
public sealed class ClockOptions
{
    public const string Section = "Clock";
    public ClockMode Mode { get; set; } = ClockMode.Real;
    /// <summary>Where simulated time begins: by default the plan's first working day, 2022-01-04 09:00 China time.</summary>
    public DateTimeOffset Start { get; set; } = new(2022, 1, 4, 9, 0, 0, TimeSpan.FromHours(8));
    /// <summary>Where simulated time is kept across restarts (embedded demo: <c>data/clock.txt</c>); empty: not kept.</summary>
    public string? StateFile { get; set; }
}

public enum ClockMode
{
    Real,
    Simulated,
}
