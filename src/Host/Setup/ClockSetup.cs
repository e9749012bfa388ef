using Shizhu.Host.Clock;
using Shizhu.Host.Configuration;

namespace Shizhu.Host.Setup;

public static class ClockSetup
{
    /// <summary>
    /// Registers the one application clock as <see cref="TimeProvider"/>. Authentication lifetimes are pinned to
    /// the real clock separately (see SecuritySetup), so moving simulated time never logs anyone out.
    /// </summary>
    public static void AddClock(this IHostApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection(ClockOptions.Section).Get<ClockOptions>() ?? new ClockOptions();
        if (options.Mode == ClockMode.Simulated && builder.Environment.IsProduction())
            throw new InvalidOperationException("Clock:Mode=Simulated is for the demo only and refused in Production.");
        SimulatedTimeProvider? simulated = null;
        if (options.Mode == ClockMode.Simulated)
        {
            if (!SimulatedClockRange.Contains(options.Start))
                throw new InvalidOperationException(
                    $"Clock:Start {options.Start:O} is outside the statutory calendar's years ({SimulatedClockRange.Earliest:O} – {SimulatedClockRange.Latest:O}).");
            var file = string.IsNullOrEmpty(options.StateFile) ? null
                : new SimulatedClockFile(options.StateFile);
            simulated = new SimulatedTimeProvider(file?.Resume(options.Start) ?? options.Start, TimeProvider.System, file is null ? null : file.Save);
        }
        builder.Services.AddSingleton(new ClockState(options.Mode, simulated));
        builder.Services.AddSingleton<TimeProvider>(simulated ?? TimeProvider.System);
    }
}
