using System.Diagnostics;
using Npgsql;
using Shizhu.Workflows.Runtime;

namespace Shizhu.Benchmarks.Scale;

/// <summary>
/// <c>run.sh --timers</c>: for each size, a fresh database with that many task deadlines made through the engine
/// (<see cref="BenchmarkSeeder"/>'s workflows, 50 open tasks each, each task with its due timer and its yellow warning),
/// all due at one moment. The warnings fire first, untimed, at their own moment (three working days before); then the
/// clock moves one second past the deadlines and <see cref="TimerFiring.FireDueAsync"/> runs by one sweeper (one Host's
/// sweep) and by two (two Hosts), timed until no timer is due. Each deadline's firing marks its task overdue with a red
/// alert, a journal row and an event, and starts the escalation chain (ADR 0050): its first step (the township leader, at
/// the due time) fires with it — a second alert, journal row and event — and the later steps are set (fired too when the clock passed their points). Then it checks
/// all of that in SQL, exactly once each.
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

            // The yellow warnings fire at their own moment, before the deadlines (untimed: not what is measured). The two
            // templates' first stages fall due at different moments: the clock stops just before the earlier one.
            clock.MoveTo((await DeadlineAsync(connection, "min", ct)).AddSeconds(-2));
            var warned = (await Task.WhenAll(Enumerable.Range(0, count).Select(_ => engine.InScopeAsync<TimerFiring, int>(f => f.FireDueAsync(ct))))).Sum();
            await BenchmarkSeeder.SettleAsync(connection, ct);
            var deadlines = await ScalarAsync(connection, "select count(*) from workflows.workflow_timers where kind = 'TaskDue' and fired_at is null and cancelled_at is null", ct);
            Console.Error.WriteLine($"[timers] {warned} yellow warnings fired first; {deadlines} deadlines pending, all passed by one move of the clock");
            // One second past every deadline at once (a warning not fired yet is then stale, and is cancelled instead).
            clock.MoveTo(await DeadlineAsync(connection, "max", ct));
            var load = MachineLoad.Read();
            var stopwatch = Stopwatch.StartNew();
            var fired = (await Task.WhenAll(Enumerable.Range(0, count).Select(_ =>
                engine.InScopeAsync<TimerFiring, int>(f => f.FireDueAsync(ct))))).Sum();
            var took = stopwatch.Elapsed;

            var check = await VerifyAsync(connection, deadlines, ct);
            ok &= check is null && fired == deadlines;
            var row = $"| {deadlines:N0} | {count} | {took.TotalSeconds:0.0} s | {deadlines / took.TotalSeconds:N0}/s | {fired:N0} | {check ?? "exactly once each"} | {load} |";
            Console.Error.WriteLine($"[timers] {row}");
            rows.Add(row);
            await BenchmarkSeeder.RecreateDatabaseAsync(serverConnection, database, ct);
        }
        Console.WriteLine("| timers due | sweepers | all fired in | rate | fired | verified in SQL | load average |");
        Console.WriteLine("|---:|---:|---:|---:|---:|---|---|");
        rows.ForEach(Console.WriteLine);
        return ok ? 0 : 1;
    }

    /// <summary>
    /// Null when every deadline fired once — one red alert, journal row and event, its chain of three steps set once, the
    /// first step (and any later one the clock passed) fired with its own alert, journal row and event — and nothing else
    /// is due; else what is wrong.
    /// </summary>
    private static async Task<string?> VerifyAsync(string connection, long expected, CancellationToken ct)
    {
        var firedSteps = await ScalarAsync(connection, "select count(*) from workflows.workflow_timers where kind like 'EscalateTo%' and fired_at is not null", ct);
        var warnings = await ScalarAsync(connection, "select count(*) from workflows.task_alerts where kind = 'DueSoon'", ct);
        var counts = new Dictionary<string, (long Actual, long Expected)>
        {
            ["pending deadlines"] = (await ScalarAsync(connection, "select count(*) from workflows.workflow_timers where kind = 'TaskDue' and fired_at is null and cancelled_at is null", ct), 0),
            ["fired deadlines"] = (await ScalarAsync(connection, "select count(*) from workflows.workflow_timers where kind = 'TaskDue' and fired_at is not null", ct), expected),
            ["overdue tasks"] = (await ScalarAsync(connection, "select count(*) from workflows.workflow_tasks where overdue", ct), expected),
            ["red alerts"] = (await ScalarAsync(connection, "select count(*) from workflows.task_alerts where kind = 'Overdue'", ct), expected),
            ["tasks with a red alert"] = (await ScalarAsync(connection, "select count(distinct task_id) from workflows.task_alerts where kind = 'Overdue'", ct), expected),
            ["overdue journal rows"] = (await ScalarAsync(connection, "select count(*) from workflows.journal where kind = 'TaskOverdue'", ct), expected),
            ["overdue events"] = (await ScalarAsync(connection, "select count(*) from workflows.outbox_messages where type = 'TaskOverdue'", ct), expected),
            ["escalation steps set"] = (await ScalarAsync(connection, "select count(*) from workflows.workflow_timers where kind like 'EscalateTo%'", ct), 3 * expected),
            ["first steps fired"] = (await ScalarAsync(connection, "select count(*) from workflows.workflow_timers where kind = 'EscalateToTownship' and fired_at is not null", ct), expected),
            ["tasks with a first-step alert"] = (await ScalarAsync(connection, "select count(distinct task_id) from workflows.task_alerts where kind = 'EscalatedToTownship'", ct), expected),
            // A later step whose point the clock passed too fired with its deadline; each fired step has one alert, one
            // journal row and one event (the yellow warnings' own rows taken out).
            ["step alerts"] = (await ScalarAsync(connection, "select count(*) from workflows.task_alerts where kind like 'EscalatedTo%'", ct), firedSteps),
            ["step journal rows"] = (await ScalarAsync(connection, "select count(*) from workflows.journal where kind = 'TaskAlertRaised'", ct) - warnings, firedSteps),
            ["step events"] = (await ScalarAsync(connection, "select count(*) from workflows.outbox_messages where type = 'TaskAlertRaised'", ct) - warnings, firedSteps),
            ["other timers pending"] = (await ScalarAsync(connection, "select count(*) from workflows.workflow_timers where kind not like 'EscalateTo%' and fired_at is null and cancelled_at is null", ct), 0),
        };
        var wrong = counts.Where(c => c.Value.Actual != c.Value.Expected).Select(c => $"{c.Key} {c.Value.Actual} (expected {c.Value.Expected})").ToList();
        return wrong.Count == 0 ? null : "WRONG: " + string.Join(", ", wrong);
    }

    /// <summary>One second past the earliest or latest pending deadline (<paramref name="aggregate"/> min or max).</summary>
    private static async Task<DateTimeOffset> DeadlineAsync(string connection, string aggregate, CancellationToken ct)
    {
        await using var conn = new NpgsqlConnection(connection);
        await conn.OpenAsync(ct);
        await using var command = new NpgsqlCommand($"select {aggregate}(due_at) from workflows.workflow_timers where kind = 'TaskDue' and fired_at is null and cancelled_at is null", conn);
        var latest = await command.ExecuteScalarAsync(ct) is DateTime at ? new DateTimeOffset(at, TimeSpan.Zero) : DateTimeOffset.UtcNow;
        return latest.AddSeconds(1);
    }

    private static async Task<long> ScalarAsync(string connection, string sql, CancellationToken ct)
    {
        await using var conn = new NpgsqlConnection(connection);
        await conn.OpenAsync(ct);
        await using var command = new NpgsqlCommand(sql, conn);
        return Convert.ToInt64(await command.ExecuteScalarAsync(ct), System.Globalization.CultureInfo.InvariantCulture);
    }
}
