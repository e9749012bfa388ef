using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using Npgsql;

namespace Shizhu.Benchmarks;

/// <summary>One <c>pgbench -N</c> run against the benchmark's cluster: the machine's ceiling for one durable transaction.</summary>
internal sealed record PgbenchResult(string Label, int Clients, double Tps, double LatencyMs, double? StealPercent);

/// <summary>
/// Runs <c>pgbench -N</c> (the simple-update transaction: one UPDATE, one SELECT, one INSERT) on the <c>pgbench</c>
/// database run.sh initialised. The benchmark runs it before and after the engine's runs on the same cluster, so a
/// slow or fast spell of this shared VM shows as a difference between the two instead of skewing the ratio unseen.
/// </summary>
internal sealed partial class Pgbench(string executable, string serverConnection, TimeSpan duration)
{
    public async Task<PgbenchResult> RunAsync(string label, int clients, CancellationToken ct)
    {
        var server = new NpgsqlConnectionStringBuilder(serverConnection);
        var start = new ProcessStartInfo(executable)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[]
                 {
                     "-N", "-c", $"{clients}", "-j", $"{clients}", "-T", $"{(int)duration.TotalSeconds}",
                     "-h", server.Host ?? "127.0.0.1", "-p", $"{server.Port}", "-U", server.Username ?? "postgres", "pgbench",
                 })
            start.ArgumentList.Add(arg);

        var steal = CpuSteal.Read();
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {executable}");
        var output = process.StandardOutput.ReadToEndAsync(ct);
        var errors = process.StandardError.ReadToEndAsync(ct);
        await process.WaitForExitAsync(ct);
        var stolen = CpuSteal.Percent(steal, CpuSteal.Read());
        var text = await output + await errors;
        if (process.ExitCode != 0) throw new InvalidOperationException($"pgbench -c {clients} failed ({process.ExitCode}):\n{text}");

        return new PgbenchResult(label, clients, Number(TpsLine(), text, "tps"), Number(LatencyLine(), text, "latency average"), stolen);
    }

    private static double Number(Regex pattern, string text, string what) =>
        pattern.Match(text) is { Success: true } m
            ? double.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture)
            : throw new InvalidOperationException($"pgbench printed no {what} line:\n{text}");

    // "tps = 2012.345678 (without initial connection time)" and "latency average = 0.497 ms"
    [GeneratedRegex(@"^tps = ([0-9.]+) \(without initial connection time\)", RegexOptions.Multiline)]
    private static partial Regex TpsLine();

    [GeneratedRegex(@"^latency average = ([0-9.]+) ms", RegexOptions.Multiline)]
    private static partial Regex LatencyLine();
}
