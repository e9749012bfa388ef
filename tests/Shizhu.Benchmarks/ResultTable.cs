using System.Globalization;
using System.Text;

namespace Shizhu.Benchmarks;

/// <summary>Prints pgbench's and the engine's figures side by side, with the ratio at equal concurrency.</summary>
internal static class ResultTable
{
    public const double Target = 0.5;

    public static string Render(BenchmarkOptions options, IReadOnlyList<RunResult> runs, RoundTripRecorder trace, string server, int workflows, IReadOnlyList<string> loads)
    {
        var s = new StringBuilder();
        void Line(string text = "") => s.AppendLine(text);
        string F(double value, string format = "0") => value.ToString(format, CultureInfo.InvariantCulture);

        Line();
        Line($"Shizhu.Workflows engine benchmark — {DateTimeOffset.UtcNow:yyyy-MM-dd HH:mm} UTC, {Environment.ProcessorCount} cores, {server}");
        Line($"workload: complete open tasks of {workflows} running workflows (first stage {options.TasksPerWorkflow} tasks wide, 9 stages),");
        Line($"          {F(options.WarmUp.TotalSeconds)} s warm-up + {F(options.Measure.TotalSeconds)} s measured per worker count; one completion = one durable transaction");
        Line($"machine load (1/5/15-min load average) after each run: {string.Join("; ", loads)} — other work on these {Environment.ProcessorCount} cores skews every figure");
        Line($"one completion: {trace.RoundTrips} round trips ({trace.Commands} commands carrying {trace.Statements} statements, {trace.Commits} separate COMMIT), {trace.ConnectionOpens} pool checkouts");
        Line();
        Line("                          conc.   per second    p50 ms   p95 ms   p99 ms   vs pgbench         per op: client/server CPU ms, KB allocated");
        Line(PgbenchRow("pgbench -N", 1, options.PgbenchTps1, options.PgbenchLatency1));
        Line(PgbenchRow("pgbench -N", 4, options.PgbenchTps4, options.PgbenchLatency4));
        foreach (var run in runs)
        {
            var (baseline, label) = Baseline(options, run.Workers);
            var ratio = baseline is { } b ? $"{F(run.PerSecond / b, "0.00")} ({label})" : "-";
            var cpu = $"{F(run.ClientCpuMs, "0.00")} / {(run.ServerCpuMs is { } sv ? F(sv, "0.00") : "-")}, {F(run.AllocatedKb)} KB";
            Line($"  engine completions      {run.Workers,4}   {F(run.PerSecond, "0.0"),10}   {Ms(run.P50),7}  {Ms(run.P95),7}  {Ms(run.P99),7}   {ratio,-17}  {cpu}");
        }
        Line();
        foreach (var run in runs)
        {
            var g = run.Growth;
            Line($"  {run.Workers} worker(s): {run.Completions} measured, {run.AllCompletions} committed in all; database grew by {g.CompletedTasks} completed tasks, "
                + $"{g.Journal} journal rows ({g.JournalTaskCompleted} TaskCompleted), {g.Outbox} outbox rows ({g.OutboxTaskCompleted} TaskCompleted), "
                + $"{g.CancelledTimers} cancelled timers, {g.CompletedStages} completed stages; {run.Conflicts} concurrency retries, {run.Failures} refused; {run.Jitted} methods JIT-compiled in the window"
                + (run.PoolRanOut ? "; OPEN TASKS RAN OUT" : "")
                + (run.Verified ? " — verified" : " — NOT VERIFIED"));
        }
        var best = runs.Where(r => r.Workers >= 4).Select(r => r.PerSecond).DefaultIfEmpty(0).Max();
        if (options.PgbenchTps4 is { } tps4 && best > 0)
            Line($"\n  target {F(Target, "0.0")} × pgbench (4 clients) = {F(Target * tps4)} completions/s; best with 4+ workers: {F(best)}/s = "
                + $"{F(best / tps4, "0.00")} × pgbench — {(best >= Target * tps4 ? "MET" : "NOT MET")}");
        return s.ToString();
    }

    private static string PgbenchRow(string name, int clients, double? tps, double? latency) =>
        $"  {name,-22}  {clients,4}   {(tps is { } t ? t.ToString("0.0", CultureInfo.InvariantCulture) : "-"),10}   "
        + $"{(latency is { } l ? l.ToString("0.00", CultureInfo.InvariantCulture) + " avg" : "-"),-7}";

    private static string Ms(TimeSpan t) => t.TotalMilliseconds.ToString("0.00", CultureInfo.InvariantCulture);

    /// <summary>pgbench at the same concurrency: 1 client for 1 worker, 4 clients for 4 or more (the 2 cores are saturated from 4 on).</summary>
    private static (double? Tps, string Label) Baseline(BenchmarkOptions options, int workers) =>
        workers < 4 ? (options.PgbenchTps1, "1 client") : (options.PgbenchTps4, "4 clients");
}
