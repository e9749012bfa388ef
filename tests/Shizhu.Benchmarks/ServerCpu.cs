namespace Shizhu.Benchmarks;

/// <summary>
/// CPU time used by the benchmark's PostgreSQL cluster: the postmaster and every process it started
/// (backends, WAL writer, checkpointer…), read from /proc. Null where that cannot be read.
/// </summary>
internal sealed class ServerCpu(string? postmasterPidFile)
{
    private const double TicksPerSecond = 100; // USER_HZ on Linux

    public TimeSpan? Read()
    {
        try
        {
            if (postmasterPidFile is null || !OperatingSystem.IsLinux()) return null;
            var postmaster = int.Parse(File.ReadLines(postmasterPidFile).First().Trim());
            long ticks = 0;
            foreach (var dir in Directory.EnumerateDirectories("/proc"))
            {
                if (!int.TryParse(Path.GetFileName(dir), out var pid)) continue;
                string stat;
                try { stat = File.ReadAllText(Path.Combine(dir, "stat")); }
                catch (IOException) { continue; }
                catch (UnauthorizedAccessException) { continue; }
                // "pid (comm) state ppid … utime stime …": fields after the command name, which may hold spaces.
                var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
                if (pid != postmaster && int.Parse(fields[1]) != postmaster) continue;
                ticks += long.Parse(fields[11]) + long.Parse(fields[12]);
            }
            return TimeSpan.FromSeconds(ticks / TicksPerSecond);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or FormatException)
        {
            return null;
        }
    }
}
