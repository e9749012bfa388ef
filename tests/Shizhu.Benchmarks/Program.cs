using Shizhu.Benchmarks;
using Shizhu.Workflows.Runtime;
using Shizhu.Workflows.Runtime.Model;
using Shizhu.Workflows.Runtime.Queries;
using Shizhu.Workflows.Runtime.Tasks;
using Shizhu.Workflows.Runtime.Workflows;

// Durable task completions per second through the engine on PostgreSQL, against pgbench -N on the same cluster. Run it
// with `bash tests/Shizhu.Benchmarks/run.sh`, which starts the durable cluster, initialises pgbench's database and
// says where pgbench is.
using var cancel = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) => { e.Cancel = true; cancel.Cancel(); };
var ct = cancel.Token;
if (args.Length > 0 && Shizhu.Benchmarks.Scale.ScaleCommands.Modes.Contains(args[0])) return await Shizhu.Benchmarks.Scale.ScaleCommands.RunAsync(args, ct);
// `run.sh --reads`: the lists at 1,000,000 tasks (Reads/ReadBenchmark.cs) instead of the completions.
if (args is ["reads", .. var readArgs]) return await Shizhu.Benchmarks.Reads.ReadBenchmark.RunAsync(readArgs, ct);
var options = BenchmarkOptions.Parse(args);
void Say(string text) => Console.Error.WriteLine($"[bench] {text}");

// pgbench first, on an idle machine, then again after the engine's runs: the ratio is taken against the higher figure.
var pgbench = options.PgbenchPath is { } pgbenchPath ? new Pgbench(pgbenchPath, options.Connection, options.PgbenchDuration) : null;
var pgbenchRuns = new List<PgbenchResult>();
async Task RunPgbenchAsync(string label, int clients)
{
    if (pgbench is null) return;
    Say($"pgbench -N -c {clients} -j {clients} -T {options.PgbenchDuration.TotalSeconds:0} ({label}); load average {MachineLoad.Read()}");
    var result = await pgbench.RunAsync(label, clients, ct);
    pgbenchRuns.Add(result);
    Say($"pgbench: {result.Tps:0.0} TPS with {clients} client(s), {ResultTable.Steal(result.StealPercent)} of CPU time stolen by the hypervisor");
}
await RunPgbenchAsync("before", 1);
await RunPgbenchAsync("before", 4);

var connection = new Npgsql.NpgsqlConnectionStringBuilder(options.Connection) { Database = options.Database }.ConnectionString;
await BenchmarkSeeder.RecreateDatabaseAsync(options.Connection, options.Database, ct);
var conflicts = new ConflictCounter();
await using var engine = new BenchmarkEngine(connection, conflicts);
var seeder = new BenchmarkSeeder(engine, options.TasksPerWorkflow);
await seeder.PrepareAsync(ct);

// Enough open tasks for the first run at up to 1,200 completions/s (one worker waits for every commit; it reached 440
// on a busy machine and 900 on a quiet one, which ran a pool sized for 600 dry; and a run that eats into the workflows'
// last tasks completes stages, which cost several plain completions); later runs top up to 5 times the best rate seen
// (4 workers reach 4 times one worker's rate), so no run runs dry.
var workflows = 0;
async Task EnsureOpenTasksAsync(int needed)
{
    var open = (await OpenTaskQueue.LoadAsync(engine, ct)).Count;
    if (open >= needed) return;
    var more = (needed - open + seeder.OpenTasksPerWorkflow - 1) / seeder.OpenTasksPerWorkflow;
    var took = await seeder.StartWorkflowsAsync(more, ct);
    workflows += more;
    Say($"started {more} workflows through WorkflowStarter in {took.TotalSeconds:0.0} s ({more / took.TotalSeconds:0} starts/s)");
}
var window = options.WarmUp + options.Measure + TimeSpan.FromSeconds(1);
const int FirstRunRate = 1_200;
await EnsureOpenTasksAsync((int)(window.TotalSeconds * FirstRunRate));

// One traced completion on a separate engine instance: what a completion sends to the server once the
// template and the calendar sit in their caches (one completion per template first, untraced).
var trace = new RoundTripRecorder();
await using (var traced = new BenchmarkEngine(connection, trace))
{
    var queue = await OpenTaskQueue.LoadAsync(engine, ct);
    var warmed = new HashSet<string>();
    while (queue.TryTake(out var task))
    {
        trace.Clear();
        await traced.InScopeAsync<TaskCompleter, TaskView>(c => c.CompleteAsync(task.Id, new CompleteTask(task.Outcome, null, "已完成"), task.Actor, null, ct));
        if (!warmed.Add(task.TemplateKey)) break;
    }
}
// Stop listening to Npgsql's activities: the measured runs must not pay for the trace.
trace.Dispose();
Say($"one completion: {trace.RoundTrips} round trips ({trace.Commands} commands, {trace.Statements} statements, {trace.Commits} separate COMMIT), {trace.ConnectionOpens} pool checkouts");
if (options.Trace) Console.WriteLine(string.Join("\n", trace.Events));

var serverCpu = new ServerCpu(options.PostmasterPidFile);
// The JIT's tier-up of EF Core's and Npgsql's hot paths costs seconds of CPU on two cores: spend them before the
// first measured run (5 s of completions with 4 workers, not counted), not inside it.
// The warm-up itself may complete up to 1,500 a second.
await EnsureOpenTasksAsync((int)(window.TotalSeconds * FirstRunRate + 5 * 1500));
await new CompletionRun(engine, conflicts, serverCpu, TimeSpan.FromSeconds(5), TimeSpan.Zero)
    .RunAsync(4, await OpenTaskQueue.LoadAsync(engine, ct), ct);
var runner = new CompletionRun(engine, conflicts, serverCpu, options.WarmUp, options.Measure);
var runs = new List<RunResult>();
var loads = new List<string>();
foreach (var workers in options.Workers)
{
    var best = runs.Select(r => r.PerSecond).DefaultIfEmpty(0).Max();
    await EnsureOpenTasksAsync((int)(window.TotalSeconds * Math.Max(FirstRunRate, 5 * best)));
    await BenchmarkSeeder.SettleAsync(connection, ct);
    var queue = await OpenTaskQueue.LoadAsync(engine, ct);
    Say($"{workers} worker(s): {queue.Count} open tasks queued (database vacuumed and checkpointed, as pgbench vacuums before its runs)");
    var run = await runner.RunAsync(workers, queue, ct);
    loads.Add(MachineLoad.Read());
    runs.Add(run);
    Say($"{workers} worker(s): {run.PerSecond:0.0} completions/s, p50 {run.P50.TotalMilliseconds:0.00} ms, p95 {run.P95.TotalMilliseconds:0.00} ms"
        + (run.Verified ? ", verified in SQL" : ", NOT VERIFIED in SQL"));
}

// The engine's database settles first, as before each engine run: its autovacuum must not run into pgbench's window.
await BenchmarkSeeder.SettleAsync(connection, ct);
await RunPgbenchAsync("after", 4);

var server = await ServerDescription.ReadAsync(connection, ct);
Console.WriteLine(ResultTable.Render(options, pgbenchRuns, runs, trace, server, workflows, loads));
return runs.All(r => r.Verified && !r.PoolRanOut) ? 0 : 1;
