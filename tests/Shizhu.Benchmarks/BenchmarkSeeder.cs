using System.Diagnostics;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Shizhu.Workflows.Access;
using Shizhu.Workflows.Persistence;
using Shizhu.Workflows.ReferenceData;
using Shizhu.Workflows.Runtime;
using Shizhu.Workflows.Runtime.Model;
using Shizhu.Workflows.Templates;
using Shizhu.Workflows.Runtime.Workflows;
using Shizhu.Workflows.Runtime.Queries;

namespace Shizhu.Benchmarks;

/// <summary>
/// Makes the benchmark's database: the engine's migrations and reference data, then a benchmark version
/// (v2, published) of both built-in templates whose first stage holds <c>TasksPerWorkflow</c> independent
/// tasks (the other eight stages as built in), and as many running workflows as the runs need, each started
/// through <see cref="WorkflowStarter"/>. One workflow runs per township and track, so the benchmark adds
/// townships of its own (codes <c>B00000001</c>…) to its throw-away database.
/// </summary>
internal sealed class BenchmarkSeeder(BenchmarkEngine engine, int tasksPerWorkflow)
{
    private static readonly Actor CountyAdmin = new("bench-admin", new HashSet<string> { Roles.CountyAdmin }, null);
    private int _townships;

    /// <summary>Open tasks the benchmark workflows offer as soon as they start.</summary>
    public int OpenTasksPerWorkflow => tasksPerWorkflow;

    public static async Task RecreateDatabaseAsync(string serverConnectionString, string database, CancellationToken ct)
    {
        await using var connection = new NpgsqlConnection(serverConnectionString);
        await connection.OpenAsync(ct);
        foreach (var sql in new[] { $"DROP DATABASE IF EXISTS {database} WITH (FORCE)", $"CREATE DATABASE {database}" })
        {
            await using var command = new NpgsqlCommand(sql, connection);
            await command.ExecuteNonQueryAsync(ct);
        }
    }

    /// <summary>
    /// What pgbench does before each of its runs (it vacuums its tables), plus a checkpoint: the rows the seeding just
    /// wrote are vacuumed and analysed and their WAL flushed now, so autovacuum and a checkpoint of the seeding's
    /// writes do not land inside the measured window and charge the completions for them.
    /// </summary>
    public static async Task SettleAsync(string connectionString, CancellationToken ct)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(ct);
        foreach (var sql in new[] { "VACUUM (ANALYZE)", "CHECKPOINT" })
        {
            await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 300 };
            await command.ExecuteNonQueryAsync(ct);
        }
    }

    public async Task PrepareAsync(CancellationToken ct)
    {
        await engine.InScopeAsync<WorkflowDbContext, bool>(async db =>
        {
            await db.Database.MigrateAsync(ct);
            return true;
        });
        await engine.InScopeAsync<ReferenceDataSeeder, bool>(async seeder =>
        {
            await seeder.SeedAsync(ct);
            return true;
        });
        await engine.InScopeAsync<WorkflowDbContext, bool>(async db =>
        {
            var builtIn = await db.Templates.AsNoTracking().Where(t => t.Version == 1).ToListAsync(ct);
            foreach (var template in builtIn)
            {
                var definition = Widen(TemplateCatalog.Parse(template.Definition));
                var now = DateTimeOffset.UtcNow;
                db.Templates.Add(new TemplateVersion
                {
                    Key = template.Key, Version = 2, Name = template.Name + "（基准）", Track = template.Track,
                    Definition = JsonSerializer.Serialize(definition, TemplateCatalog.Json),
                    Status = TemplateStatus.Published, CreatedAt = now, PublishedAt = now,
                });
            }
            await db.SaveChangesAsync(ct);
            return true;
        });
    }

    /// <summary>Starts <paramref name="count"/> more workflows (both tracks per new township), four at a time.</summary>
    public async Task<TimeSpan> StartWorkflowsAsync(int count, CancellationToken ct)
    {
        var townships = await AddTownshipsAsync((count + 1) / 2, ct);
        var starts = townships.SelectMany(code => new[] { (code, Tracks.Municipal), (code, Tracks.National) }).Take(count);
        // Due dates fall in the future, as in a live installation: the timer rows stay pending until cancelled.
        var startYear = DateTimeOffset.UtcNow.Year + 1;
        var stopwatch = Stopwatch.StartNew();
        await Parallel.ForEachAsync(starts, new ParallelOptions { MaxDegreeOfParallelism = 4, CancellationToken = ct }, async (start, token) =>
            await engine.InScopeAsync<WorkflowStarter, WorkflowSummary>(starter =>
                starter.StartAsync(new StartWorkflow(start.code, start.Item2, startYear, null), CountyAdmin, null, token)));
        return stopwatch.Elapsed;
    }

    private async Task<List<string>> AddTownshipsAsync(int count, CancellationToken ct)
    {
        var codes = Enumerable.Range(_townships + 1, count).Select(i => $"B{i:00000000}").ToList();
        _townships += count;
        await engine.InScopeAsync<WorkflowDbContext, int>(db =>
        {
            db.Townships.AddRange(codes.Select(code => new Township { Code = code, Name = $"基准乡{code[1..]}", Kind = "township" }));
            return db.SaveChangesAsync(ct);
        });
        return codes;
    }

    /// <summary>
    /// A template with the built-in stages whose first stage forks into <c>tasksPerWorkflow</c> independent tasks
    /// (due like the built-in first stage) that join before the end: every fourth is the county office's, the others
    /// the township staff's. A completion then moves one token into the join, as most completions in a real plan do.
    /// </summary>
    private TemplateDefinition Widen(TemplateDefinition builtIn)
    {
        var stage = builtIn.Stages[0].Key;
        var due = builtIn.Elements.First(e => e.Type == ElementType.UserTask).Due;
        var tasks = Enumerable.Range(1, tasksPerWorkflow).Select(i => new ElementDefinition($"bench-{i:000}", ElementType.UserTask, Stage: stage,
                Title: i % 4 == 0 ? $"基准任务 {i}（县爱卫办）" : $"基准任务 {i}",
                Role: i % 4 == 0 ? Roles.CountyAdmin : Roles.TownshipStaff,
                Scope: i % 4 == 0 ? TaskScope.County : TaskScope.Township, Due: due))
            .ToList();
        ElementDefinition[] frame =
        [
            new("start", ElementType.StartEvent), new("fork", ElementType.ParallelGateway),
            new("join", ElementType.ParallelGateway), new("end", ElementType.EndEvent),
        ];
        var flows = new List<FlowDefinition> { new("start", "fork"), new("join", "end") };
        flows.AddRange(tasks.SelectMany(t => new[] { new FlowDefinition("fork", t.Id), new FlowDefinition(t.Id, "join") }));
        return builtIn with { Elements = [.. frame, .. tasks], Flows = flows };
    }
}
