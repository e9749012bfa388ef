using System.Globalization;

namespace Shizhu.Benchmarks;

/// <summary>
/// Time the hypervisor gave these cores to someone else ("steal" in /proc/stat). On a shared VM it comes and goes
/// within minutes and takes throughput with it, pgbench's as much as the engine's, so every measured window reports it.
/// </summary>
internal readonly record struct CpuSteal(long Steal, long Total)
{
    public static CpuSteal? Read()
    {
        try
        {
            if (!OperatingSystem.IsLinux()) return null;
            // "cpu  user nice system idle iowait irq softirq steal guest guest_nice", in USER_HZ ticks.
            var fields = File.ReadLines("/proc/stat").First().Split(' ', StringSplitOptions.RemoveEmptyEntries);
            var ticks = fields.Skip(1).Take(8).Select(f => long.Parse(f, CultureInfo.InvariantCulture)).ToArray();
            return ticks.Length < 8 ? null : new CpuSteal(ticks[7], ticks.Sum());
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or FormatException)
        {
            return null;
        }
    }

    /// <summary>The share of all CPU time between two readings that was stolen, in percent.</summary>
    public static double? Percent(CpuSteal? from, CpuSteal? to) =>
        from is { } a && to is { } b && b.Total > a.Total ? 100.0 * (b.Steal - a.Steal) / (b.Total - a.Total) : null;
}
