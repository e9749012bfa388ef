namespace Shizhu.Benchmarks;

/// <summary>The load average from /proc/loadavg: anything else running on the 2 cores shows in every figure.</summary>
internal static class MachineLoad
{
    public static string Read()
    {
        try { return string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)); }
        catch (IOException) { return "?"; }
    }
}
