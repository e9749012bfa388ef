using System.Diagnostics;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Shizhu.Workflows.Access;
using Shizhu.Workflows.Calendar;
using Shizhu.Workflows.Evidence;
using Shizhu.Workflows.Persistence;
using Shizhu.Workflows.Plans;
using Shizhu.Workflows.ReferenceData;
using Shizhu.Workflows.Runtime;
using Shizhu.Workflows.Runtime.Messages;
using Shizhu.Workflows.Runtime.Model;
using Shizhu.Workflows.Runtime.Queries;
using Shizhu.Workflows.Runtime.Tasks;
using Shizhu.Workflows.Runtime.Workflows;
using Shizhu.Workflows.Templates;

namespace Shizhu.Benchmarks.Scale;

/// <summary>
/// <c>run.sh --replay N</c>: N township-level units of its own (codes <c>R0000001</c>…) with plan entries spread over the
/// programme as the county's are (municipal and national tracks, start years 2022–2025, national creations over three
/// years), all started on 4 January 2022 on the built-in templates, then the whole 2022–2026 programme replayed in
/// simulated time through the engine as the county's plan replay does (<c>PlanReplayTests</c>): every open task
/// completed with its required evidence and first outcome, the municipal verdict "passed" on 15 October of each target
/// year, the clock jumping to the next timer otherwise. Prints throughput and the projection for 38,600 units.
/// </summary>
internal static class NationalReplay
{
    private const int Workers = 4;
    private const string VerdictMessage = "municipal-verdict";
    private static readonly Actor CountyAdmin = new("replay-admin", new HashSet<string> { Roles.CountyAdmin }, null);
    private static readonly DateTimeOffset Start = new(2022, 1, 4, 9, 0, 0, ChinaTime.Offset);
    private static readonly byte[] Pdf = "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"u8.ToArray();

    public static async Task<int> RunAsync(string serverConnection, int units, CancellationToken ct)
    {
        const string database = "shizhu_replay";
        await BenchmarkSeeder.RecreateDatabaseAsync(serverConnection, database, ct);
        var connection = new NpgsqlConnectionStringBuilder(serverConnection) { Database = database, MaxPoolSize = 20 }.ConnectionString;
        var clock = new SettableClock(Start);
        await using var engine = new BenchmarkEngine(connection, clock, s => s.AddSingleton<IEvidenceStore, DiscardingEvidenceStore>());
        await engine.InScopeAsync<WorkflowDbContext, int>(async db => { await db.Database.MigrateAsync(ct); return 0; });
        await engine.InScopeAsync<ReferenceDataSeeder, int>(async s => { await s.SeedAsync(ct); return 0; });
        var entries = await GenerateAsync(engine, units, ct);

        var total = Stopwatch.StartNew();
        var counts = new Counts();
        await Parallel.ForEachAsync(entries, Options(ct), async (e, token) =>
            await engine.InScopeAsync<WorkflowStarter, WorkflowSummary>(s =>
                s.StartAsync(new StartWorkflow(e.TownshipCode, e.Track, e.StartYear, e.TargetYear), CountyAdmin, null, token)));
        Console.Error.WriteLine($"[replay] {units} units started in {total.Elapsed.TotalSeconds:0.0} s");

        var year = 0;
        for (var round = 0; round < 20_000; round++)
        {
            counts.Fired += await engine.InScopeAsync<TimerFiring, int>(f => f.FireDueAsync(ct));
            var open = await OpenTasksAsync(engine, ct);
            if (open.Count > 0)
            {
                clock.MoveTo(clock.GetUtcNow().AddHours(1));
                await Parallel.ForEachAsync(open, Options(ct), async (task, token) => await CompleteAsync(engine, task, counts, token));
                continue;
            }
            var now = clock.GetUtcNow();
            var awaiting = await AwaitingVerdictAsync(engine, ct);
            var due = awaiting.Where(a => a.VerdictAt <= now).ToList();
            if (due.Count > 0)
            {
                await Parallel.ForEachAsync(due, Options(ct), async (a, token) =>
                {
                    using var payload = JsonDocument.Parse("""{"result":"passed"}""");
                    await engine.InScopeAsync<MessageDelivery, WorkflowSummary>(d =>
                        d.DeliverAsync(a.Id, new DeliverMessage(VerdictMessage, payload.RootElement), CountyAdmin, null, token));
                    Interlocked.Increment(ref counts.Verdicts);
                });
                continue;
            }
            var next = new[] { await NextTimerEventAsync(engine, ct) }.Concat(awaiting.Select(a => (DateTimeOffset?)a.VerdictAt)).Where(d => d is not null).Min();
            if (next is null) break;
            clock.MoveTo(next.Value);
            if (ChinaTime.ToLocal(next.Value).Year != year)
            {
                year = ChinaTime.ToLocal(next.Value).Year;
                Console.Error.WriteLine($"[replay] {year}: {total.Elapsed.TotalSeconds:0} s, {counts.Completions:N0} completions so far; load {MachineLoad.Read()}");
            }
        }
        var took = total.Elapsed;

        var (completed, running) = await engine.InScopeAsync<WorkflowDbContext, (int, int)>(async db =>
            (await db.Workflows.CountAsync(w => w.Status == WorkflowStatus.Completed, ct), await db.Workflows.CountAsync(w => w.Status != WorkflowStatus.Completed, ct)));
        var commands = counts.Completions + counts.Uploads + counts.Verdicts + units;
        var projection = TimeSpan.FromSeconds(took.TotalSeconds * 38_600 / units);
        Console.WriteLine("| units | workflows completed / not | completions | evidence uploads | verdicts | timers fired | replay took | commands/s | projected for 38,600 units | load average |");
        Console.WriteLine("|---:|---|---:|---:|---:|---:|---:|---:|---:|---|");
        Console.WriteLine($"| {units:N0} | {completed:N0} / {running:N0} | {counts.Completions:N0} | {counts.Uploads:N0} | {counts.Verdicts:N0} | {counts.Fired:N0} | {took.TotalSeconds:0} s | {commands / took.TotalSeconds:N0} | {projection.TotalMinutes:0} min | {MachineLoad.Read()} |");
        await BenchmarkSeeder.RecreateDatabaseAsync(serverConnection, database, ct);
        return running == 0 ? 0 : 1;
    }

    private sealed class Counts
    {
        public int Completions;
        public int Uploads;
        public int Verdicts;
        public int Fired;
    }

    private static ParallelOptions Options(CancellationToken ct) => new() { MaxDegreeOfParallelism = Workers, CancellationToken = ct };

    /// <summary>The units and their plan entries: every third on the national track over three years, start years 2022–2025.</summary>
    private static async Task<List<PlanEntry>> GenerateAsync(BenchmarkEngine engine, int units, CancellationToken ct)
    {
        var entries = Enumerable.Range(1, units).Select(i =>
        {
            var national = i % 3 == 0;
            var start = 2022 + i % 4 - (national && i % 4 == 3 ? 1 : 0);
            return new PlanEntry { TownshipCode = $"R{i:0000000}", Track = national ? Tracks.National : Tracks.Municipal, StartYear = start, TargetYear = national ? start + 2 : start };
        }).ToList();
        await engine.InScopeAsync<WorkflowDbContext, int>(db =>
        {
            db.Townships.AddRange(entries.Select(e => new Township { Code = e.TownshipCode, Name = $"模拟乡{e.TownshipCode[1..]}", Kind = "township" }));
            db.PlanEntries.AddRange(entries);
            return db.SaveChangesAsync(ct);
        });
        return entries;
    }

    private static async Task CompleteAsync(BenchmarkEngine engine, WorkflowTask task, Counts counts, CancellationToken ct)
    {
        var actor = task.Scope switch
        {
            TaskScope.County => new Actor("county-" + task.Role, new HashSet<string> { task.Role }, null),
            TaskScope.Department => new Actor("dept-" + task.DepartmentCode, new HashSet<string> { Roles.CountyDepartment }, null, task.DepartmentCode),
            _ => new Actor(task.Role + "-" + task.TownshipCode, new HashSet<string> { task.Role }, task.TownshipCode),
        };
        var detail = await engine.InScopeAsync<WorkflowQueries, TaskDetail?>(q => q.GetTaskAsync(actor, task.Id, ct))
            ?? throw new InvalidOperationException($"Task {task.Id} is not visible to {actor.UserName}.");
        // The replay decides as a good year would: the first outcome, chosen here, since the engine never chooses one.
        var outcome = detail.Outcomes.FirstOrDefault();
        foreach (var requirement in detail.Evidence.Where(r => r.IsRequiredFor(outcome)))
        {
            await using var content = new MemoryStream(Pdf, writable: false);
            await engine.InScopeAsync<EvidenceUploader, EvidenceView>(u =>
                u.UploadAsync(task.Id, new UploadEvidence(requirement.Key, requirement.Key + ".pdf"), content, actor, null, ct));
            Interlocked.Increment(ref counts.Uploads);
        }
        await engine.InScopeAsync<TaskCompleter, TaskView>(c => c.CompleteAsync(task.Id, new CompleteTask(outcome, null, null), actor, null, ct));
        Interlocked.Increment(ref counts.Completions);
    }

    private static Task<List<WorkflowTask>> OpenTasksAsync(BenchmarkEngine engine, CancellationToken ct) =>
        engine.InScopeAsync<WorkflowDbContext, List<WorkflowTask>>(db =>
            db.Tasks.AsNoTracking().Where(t => t.Status == UserTaskStatus.Open).OrderBy(t => t.CreatedAt).ToListAsync(ct));

    private static Task<DateTimeOffset?> NextTimerEventAsync(BenchmarkEngine engine, CancellationToken ct) =>
        engine.InScopeAsync<WorkflowDbContext, DateTimeOffset?>(db => db.Timers.AsNoTracking()
            .Where(t => t.Kind == TimerKind.TimerEvent && t.FiredAt == null && t.CancelledAt == null)
            .OrderBy(t => t.DueAt).Select(t => (DateTimeOffset?)t.DueAt).FirstOrDefaultAsync(ct));

    private static Task<List<(Guid Id, DateTimeOffset VerdictAt)>> AwaitingVerdictAsync(BenchmarkEngine engine, CancellationToken ct) =>
        engine.InScopeAsync<WorkflowDbContext, List<(Guid, DateTimeOffset)>>(async db =>
            (await db.Tokens.AsNoTracking()
                .Where(t => t.ElementId == VerdictMessage && t.State == TokenState.Waiting)
                .Join(db.Workflows, t => t.WorkflowId, w => w.Id, (t, w) => new { w.Id, w.TargetYear })
                .ToListAsync(ct))
            .Select(w => (w.Id, new DateTimeOffset(w.TargetYear, 10, 15, 10, 0, 0, ChinaTime.Offset))).Distinct().ToList());
}
