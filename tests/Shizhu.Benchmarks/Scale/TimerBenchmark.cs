using System.Diagnostics;
using Npgsql;
using Shizhu.Workflows.Runtime;

namespace Shizhu.Benchmarks.Scale;

/// <summary>
/// <c>run.sh --timers</c>: for each size, a fresh database with that many task deadlines made through the engine
/// (<see cref="BenchmarkSeeder"/>'s workflows, 50 open tasks each, each task with its due timer), the clock moved past
/// all of them at once, then <see cref="TimerFiring.FireDueAsync"/> run by one sweeper (one Host's sweep) and by two
/// (two Hosts), timed until no timer is due. Then it checks in SQL that every timer fired once, with one alert, one
/// journal row and one outbox event each.
/// </summary>
internal static class TimerBenchmark
{
    private const int TasksPerWorkflow = 50;

    public static async Task<int> RunAsync(string serverConnection, IReadOnlyList<int> sizes, IReadOnlyList<int> sweepers, CancellationToken ct)
    {
        var ok = true;
        var rows = new List<string>();
        foreach (var size in sizes)
        foreach (var count in sweepers)
        {
            var database = $"shizhu_timers_{size}_{count}";
            await BenchmarkSeeder.RecreateDatabaseAsync(serverConnection, database, ct);
            var connection = new NpgsqlConnectionStringBuilder(serverConnection) { Database = database, MaxPoolSize = 20 }.ConnectionString;
            var clock = new MovableClock();
            await using var engine = new BenchmarkEngine(connection, clock);
            var seeder = new BenchmarkSeeder(engine, TasksPerWorkflow);
            await seeder.PrepareAsync(ct);
            var workflows = (size + TasksPerWorkflow - 1) / TasksPerWorkflow;
            var seeding = await seeder.StartWorkflowsAsync(workflows, ct);
            var pending = await ScalarAsync(connection, "select count(*) from workflows.workflow_timers where fired_at is null and cancelled_at is null", ct);
            Console.Error.WriteLine($"[timers] {size}: {workflows} workflows with {pending} pending timers started in {seeding.TotalSeconds:0.0} s");
            await BenchmarkSeeder.SettleAsync(connection, ct);

            // Past every deadline at once: the first stage is due within the start year.
            clock.MoveTo(new DateTimeOffset(DateTimeOffset.UtcNow.Year + 2, 6, 1, 0, 0, 0, TimeSpan.Zero));
            var load = MachineLoad.Read();
            var stopwatch = Stopwatch.StartNew();
            var fired = (await Task.WhenAll(Enumerable.Range(0, count).Select(_ =>
                engine.InScopeAsync<TimerFiring, int>(f => f.FireDueAsync(ct))))).Sum();
            var took = stopwatch.Elapsed;

            var check = await VerifyAsync(connection, pending, ct);
            ok &= check is null && fired == pending;
            var row = $"| {pending:N0} | {count} | {took.TotalSeconds:0.0} s | {pending / took.TotalSeconds:N0}/s | {fired:N0} | {check ?? "exactly once each"} | {load} |";
            Console.Error.WriteLine($"[timers] {row}");
            rows.Add(row);
            await BenchmarkSeeder.RecreateDatabaseAsync(serverConnection, database, ct);
        }
        Console.WriteLine("| timers due | sweepers | all fired in | rate | fired | verified in SQL | load average |");
        Console.WriteLine("|---:|---:|---:|---:|---:|---|---|");
        rows.ForEach(Console.WriteLine);
        return ok ? 0 : 1;
    }

    /// <summary>Null when every timer fired once with one alert, one journal row and one event; else what is wrong.</summary>
    private static async Task<string?> VerifyAsync(string connection, long expected, CancellationToken ct)
    {
        var counts = new Dictionary<string, long>
        {
            ["pending timers"] = await ScalarAsync(connection, "select count(*) from workflows.workflow_timers where fired_at is null and cancelled_at is null", ct),
            ["fired timers"] = await ScalarAsync(connection, "select count(*) from workflows.workflow_timers where fired_at is not null", ct),
            ["overdue tasks"] = await ScalarAsync(connection, "select count(*) from workflows.workflow_tasks where overdue", ct),
            ["alerts"] = await ScalarAsync(connection, "select count(*) from workflows.task_alerts", ct),
            ["tasks with an alert"] = await ScalarAsync(connection, "select count(distinct task_id) from workflows.task_alerts", ct),
            ["journal rows"] = await ScalarAsync(connection, "select count(*) from workflows.journal where kind = 'TaskOverdue'", ct),
            ["events"] = await ScalarAsync(connection, "select count(*) from workflows.outbox_messages where type = 'TaskOverdue'", ct),
        };
        var wrong = counts.Where(c => c.Key == "pending timers" ? c.Value != 0 : c.Value != expected).Select(c => $"{c.Key} {c.Value}").ToList();
        return wrong.Count == 0 ? null : "WRONG: " + string.Join(", ", wrong);
    }

    private static async Task<long> ScalarAsync(string connection, string sql, CancellationToken ct)
    {
        await using var conn = new NpgsqlConnection(connection);
        await conn.OpenAsync(ct);
        await using var command = new NpgsqlCommand(sql, conn);
        return Convert.ToInt64(await command.ExecuteScalarAsync(ct), System.Globalization.CultureInfo.InvariantCulture);
    }
}
