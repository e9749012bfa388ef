using System.Globalization;
using System.Text;

namespace Shizhu.Benchmarks;

/// <summary>
/// Prints pgbench's and the engine's figures side by side. The engine with 4 or more workers is compared with the
/// higher of pgbench's two 4-client runs (before and after the engine's), its 1-worker run with pgbench's 1 client.
/// </summary>
internal static class ResultTable
{
    public const double Target = 0.5;

    public static string Render(BenchmarkOptions options, IReadOnlyList<PgbenchResult> pgbench, IReadOnlyList<RunResult> runs,
        RoundTripRecorder trace, string server, int workflows, IReadOnlyList<string> loads)
    {
        var s = new StringBuilder();
        void Line(string text = "") => s.AppendLine(text);

        Line();
        Line($"Shizhu.Workflows engine benchmark — {DateTimeOffset.UtcNow:yyyy-MM-dd HH:mm} UTC, {Environment.ProcessorCount} cores, {server}");
        Line($"workload: complete open tasks of {workflows} running workflows (first stage {options.TasksPerWorkflow} tasks wide, 9 stages),");
        Line($"          {F(options.WarmUp.TotalSeconds)} s warm-up + {F(options.Measure.TotalSeconds)} s measured per worker count; one completion = one durable transaction");
        Line($"machine load (1/5/15-min load average) after each engine run: {string.Join("; ", loads)} — other work on these {Environment.ProcessorCount} cores skews every figure");
        Line("steal: the share of CPU time the hypervisor gave to other guests during the run; it lowers that run's figure");
        Line($"one completion: {trace.RoundTrips} round trips ({trace.Commands} commands carrying {trace.Statements} statements, {trace.Commits} separate COMMIT), {trace.ConnectionOpens} pool checkouts");
        Line();
        Line("                          conc.   per second    p50 ms   p95 ms   p99 ms   steal   vs pgbench         per op: client/server CPU ms, KB allocated");
        foreach (var p in pgbench)
            Line($"  {"pgbench -N (" + p.Label + ")",-22}  {p.Clients,4}   {F(p.Tps, "0.0"),10}   {F(p.LatencyMs, "0.00") + " avg",-7}                   {Steal(p.StealPercent),5}");
        var baseline4 = Best(pgbench, 4);
        foreach (var run in runs)
        {
            var (baseline, label) = run.Workers < 4 ? (Best(pgbench, 1), "1 client") : (baseline4, "4 clients");
            var ratio = baseline is { } b ? $"{F(run.PerSecond / b, "0.00")} ({label})" : "-";
            var cpu = $"{F(run.ClientCpuMs, "0.00")} / {(run.ServerCpuMs is { } sv ? F(sv, "0.00") : "-")}, {F(run.AllocatedKb)} KB";
            Line($"  engine completions      {run.Workers,4}   {F(run.PerSecond, "0.0"),10}   {Ms(run.P50),7}  {Ms(run.P95),7}  {Ms(run.P99),7}   {Steal(run.StealPercent),5}   {ratio,-17}  {cpu}");
        }
        Line();
        foreach (var run in runs)
        {
            var g = run.Growth;
            Line($"  {run.Workers} worker(s): {run.Completions} measured, {run.AllCompletions} committed in all; database grew by {g.CompletedTasks} completed tasks, "
                + $"{g.Journal} journal rows ({g.JournalTaskCompleted} TaskCompleted), {g.Outbox} outbox rows ({g.OutboxTaskCompleted} TaskCompleted), "
                + $"{g.CancelledTimers} cancelled timers ({g.StrandedTimers} left pending on completed tasks), {g.CompletedStages} completed stages; {run.Conflicts} concurrency retries, {run.Failures} refused; {run.Jitted} methods JIT-compiled in the window"
                + (run.PoolRanOut ? "; OPEN TASKS RAN OUT" : "")
                + (run.Verified ? " — verified" : " — NOT VERIFIED"));
        }
        var best = runs.Where(r => r.Workers >= 4).Select(r => r.PerSecond).DefaultIfEmpty(0).Max();
        if (baseline4 is { } tps4 && best > 0)
            Line($"\n  target {F(Target, "0.0")} × pgbench (4 clients, the higher of {string.Join(" and ", pgbench.Where(p => p.Clients == 4).Select(p => F(p.Tps)))}) = "
                + $"{F(Target * tps4)} completions/s; best with 4+ workers: {F(best)}/s = {F(best / tps4, "0.00")} × pgbench — {(best >= Target * tps4 ? "MET" : "NOT MET")}");
        return s.ToString();
    }

    public static string Steal(double? percent) => percent is { } p ? F(p, "0.0") + "%" : "?";

    /// <summary>pgbench's best rate with <paramref name="clients"/> clients: the stricter baseline when it ran more than once.</summary>
    private static double? Best(IReadOnlyList<PgbenchResult> pgbench, int clients) =>
        pgbench.Where(p => p.Clients == clients).Select(p => (double?)p.Tps).Max();

    private static string F(double value, string format = "0") => value.ToString(format, CultureInfo.InvariantCulture);

    private static string Ms(TimeSpan t) => t.TotalMilliseconds.ToString("0.00", CultureInfo.InvariantCulture);
}
