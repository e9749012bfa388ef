using System.Diagnostics;
using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Shizhu.Notifications;
using Shizhu.Notifications.Lists;
using Shizhu.Persistence.Paging;
using Shizhu.Workflows.Access;
using Shizhu.Workflows.Persistence;
using Shizhu.Workflows.Runtime.Model;
using Shizhu.Workflows.Runtime.Queries;
using Shizhu.Workflows.Runtime.Queries.Lists;

namespace Shizhu.Benchmarks.Reads;

/// <summary>
/// The read benchmark (<c>run.sh --reads</c>): builds or reuses the 1,000,000-task database, then times every list's
/// first page (and a second page through its cursor) for each role — township staff, a department's staff, the
/// county office, a leader — and the workflow page's queries, through the same query classes the Host's endpoints
/// call, each run in its own DI scope as one request is. Prints p50/p95/p99 with the database size and the load.
/// </summary>
internal static class ReadBenchmark
{
    public static async Task<int> RunAsync(string[] args, CancellationToken ct)
    {
        var connection = "Host=127.0.0.1;Port=55434;Username=postgres;Database=postgres";
        var database = "shizhu_reads";
        var iterations = 200;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--connection": connection = args[++i]; break;
                case "--database": database = args[++i]; break;
                case "--iterations": iterations = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
                default: throw new ArgumentException($"unknown argument {args[i]}");
            }
        }
        void Say(string text) => Console.Error.WriteLine($"[reads] {text}");

        var store = new ReadDatabase(connection, database);
        await using var engine = new BenchmarkEngine(store.Connection);
        var built = Stopwatch.StartNew();
        Say(await store.EnsureAsync(engine, Say, ct) ? $"built in {built.Elapsed.TotalMinutes:0.0} min" : "reusing the existing database");

        var cases = await ReadCases.BuildAsync(engine, store.Connection, ct);
        var results = new List<ReadResult>();
        foreach (var c in cases)
        {
            var rows = 0;
            for (var w = 0; w < 10; w++) rows = await c.Run(ct);
            var ms = new List<double>(iterations);
            for (var i = 0; i < iterations; i++)
            {
                var started = Stopwatch.GetTimestamp();
                rows = await c.Run(ct);
                ms.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }
            var result = ReadResult.From(c, ms, rows);
            results.Add(result);
            Say($"{c.Role,-14} {c.Name,-44} p95 {result.P95,7:0.00} ms ({rows} rows)");
        }

        var report = new StringBuilder();
        report.AppendLine(CultureInfo.InvariantCulture, $"Reads at scale: {await store.DescribeAsync(ct)}");
        report.AppendLine(CultureInfo.InvariantCulture, $"{await ServerDescription.ReadAsync(store.Connection, ct)}; {Environment.ProcessorCount} cores; load average {MachineLoad.Read()}; {iterations} runs per case after 10 warm-up runs");
        report.AppendLine();
        report.AppendLine("| role | read | rows | p50 ms | p95 ms | p99 ms |");
        report.AppendLine("|---|---|---:|---:|---:|---:|");
        foreach (var r in results)
            report.AppendLine(CultureInfo.InvariantCulture, $"| {r.Case.Role} | {r.Case.Name} | {r.Rows} | {r.P50:0.00} | {r.P95:0.00} | {r.P99:0.00} |");
        var worst = results.MaxBy(r => r.P95)!;
        report.AppendLine();
        report.AppendLine(CultureInfo.InvariantCulture, $"Slowest p95: {worst.Case.Role} / {worst.Case.Name}: {worst.P95:0.00} ms (target < 20 ms for every first page).");
        Console.WriteLine(report);
        return 0;
    }
}
