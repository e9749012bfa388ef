using Microsoft.EntityFrameworkCore;
using Shizhu.Workflows.Calendar;
using Shizhu.Workflows.Plans;
using Shizhu.Workflows.ReferenceData;
using Shizhu.Workflows.Runtime;
using Shizhu.Workflows.Runtime.InstanceMigration;
using Shizhu.Workflows.Runtime.Model;
using Shizhu.Workflows.Tests.Infrastructure;
using Shizhu.Workflows.Tests.Infrastructure.Databases;
using Shizhu.Workflows.Journal;

namespace Shizhu.Workflows.Tests.InstanceMigration;

/// <summary>
/// Issue 11 item 5's second test: the whole plan started on 4 January 2022 on the old built-in versions, replayed to
/// mid-June 2022 (石家乡 and 金铃乡 between the county hidden inspection and the technical assessment, 悦崃镇 and 中益乡
/// in their first year having run the old template's whole application in January, the later entries waiting for their
/// start year), migrated after a dry run to the corrected built-ins (ADR 0026) with the mapping in <c>Mappings/</c>, and
/// replayed on to 10 January 2027 with every entry reaching its goal in its target year on the corrected templates.
/// </summary>
public abstract class PlanMigrationReplayTests(EngineDatabase database) : IAsyncLifetime
{
    private static readonly DateTimeOffset FourthOfJanuary2022 = new(2022, 1, 4, 9, 0, 0, ChinaTime.Offset);
    private static readonly DateTimeOffset MidJune2022 = new(2022, 6, 15, 9, 0, 0, ChinaTime.Offset);
    private static readonly DateTimeOffset TenthOfJanuary2027 = new(2027, 1, 10, 9, 0, 0, ChinaTime.Offset);

    private EngineHarness _harness = null!;
    private PlanReplay _replay = null!;

    public async Task InitializeAsync()
    {
        _harness = await EngineHarness.CreateAsync(database, FourthOfJanuary2022);
        _replay = new PlanReplay(_harness);
    }

    public async Task DisposeAsync() => await _harness.DisposeAsync();

    [Fact(Timeout = 300_000)]
    public async Task ThePlanStartedOnTheOldVersionsMigratesMidYearOntoTheCorrectedTemplatesAfterADryRunAndStillReachesEveryEntrysGoalInItsTargetYear()
    {
        var sources = new Dictionary<string, int>();
        foreach (var key in new[] { Tracks.National, Tracks.Municipal }) sources[key] = await BuiltInMigration.PublishSourceAsync(_harness, key);
        var workflows = await StartThePlanAsync();
        Assert.All(workflows, w => Assert.Equal(sources[w.Track], _harness.Read(db => db.Workflows.Single(x => x.Id == w.Id).TemplateVersion)));
        await _replay.RunAsync(until: MidJune2022);
        if (_harness.Clock.GetUtcNow() < MidJune2022) _harness.Clock.SetUtcNow(MidJune2022);

        var migrations = new List<BuiltInMigration>();
        foreach (var (key, source) in sources)
        {
            var migration = await BuiltInMigration.PublishTargetAsync(_harness, key, source);
            migrations.Add(migration);
            var footprint = _harness.Footprint();
            var dryRun = await _harness.DryRunMigrationAsync(migration.Plan);
            Assert.Equal(footprint, _harness.Footprint());
            Assert.Equal(workflows.Count(w => w.Track == key), dryRun.Selected);
            Assert.All(dryRun.Workflows, w => Assert.True(w.Refusals.Count == 0, $"{w.TownshipName}: {string.Join("; ", w.Refusals.Select(r => $"{r.ElementId} {r.Reason}"))}"));

            var executed = await _harness.ExecuteMigrationAsync(migration.Plan, key: $"replay-{key}");
            Assert.Equal((dryRun.Selected, 0), (executed.Migrated, executed.Refused));
            // What the dry run said is what the execution did, workflow by workflow (ids aside: a dry run makes no rows).
            Assert.Equal(dryRun.Workflows.Count, executed.Workflows.Count);
            foreach (var (foreseen, done) in dryRun.Workflows.Select(Shape).Zip(executed.Workflows.Select(Shape))) Assert.Equal(foreseen, done);
        }
        await AssertWhereTheMigrationLeftThemAsync(workflows);

        await _replay.RunAsync(until: TenthOfJanuary2027);

        await using var db = _harness.NewDbContext();
        var tasks = await db.Tasks.AsNoTracking().ToListAsync();
        foreach (var (township, track, startYear, targetYear, id) in workflows)
        {
            var workflow = await _harness.WorkflowAsync(id);
            var migration = migrations.Single(m => m.Key == track);
            Assert.Equal(migration.TargetVersion, workflow.TemplateVersion);
            Assert.True(workflow.Status == WorkflowStatus.Completed, $"{township} did not reach its goal.");
            Assert.Equal((Goal(township), targetYear), (workflow.Goal, ChinaTime.ToLocal(workflow.CompletedAt!.Value).Year));
            Assert.Empty(await _harness.IncidentsAsync(id));
            Assert.Single(await _harness.JournalAsync(id), j => j.Kind == JournalKind.WorkflowMigrated);
            await TokenInvariants.AssertHoldAsync(_harness, id);

            // After the migration the workflow ran the corrected template: the departments' guidance once, in the target
            // year; the municipal 暗访 registered by the county office; the national middle year's routine creation.
            var own = tasks.Where(t => t.WorkflowId == id).ToList();
            Assert.All(own, t => Assert.Equal(UserTaskStatus.Completed, t.Status));
            var guidance = own.Where(t => t.ElementId.StartsWith("department-guidance-", StringComparison.Ordinal)).ToList();
            Assert.Equal(9, guidance.Count);
            Assert.All(guidance, t => Assert.Equal(targetYear, ChinaTime.ToLocal(t.CompletedAt!.Value).Year));
            Assert.Equal("passed", Assert.Single(own, t => t.ElementId == "hidden-inspection-result").Outcome);
            if (track == Tracks.National && targetYear - startYear >= 2)
                Assert.Equal(startYear + 1, ChinaTime.ToLocal(Assert.Single(own, t => t.ElementId == "routine-creation").CompletedAt!.Value).Year);
            Assert.Equal(Goal(township) == Goals.Named, own.Any(t => t.ElementId == "record-naming"));
        }
    }

    /// <summary>
    /// Right after the migration: the 2022 municipal entries wait for the technical assessment with the departments'
    /// 会签 open beside it (one token, nine signatures); the 2022 national entries wait for their middle year and for the departments' target
    /// year (the old template's January application is not the plan's: it comes again in the target year); the later
    /// entries still wait at their timer start.
    /// </summary>
    private async Task AssertWhereTheMigrationLeftThemAsync(List<(string Township, string Track, int StartYear, int TargetYear, Guid Id)> workflows)
    {
        foreach (var (township, track, startYear, _, id) in workflows)
        {
            var tokens = _harness.Read(db => db.Tokens.Where(t => t.WorkflowId == id && t.State == TokenState.Waiting).Select(t => t.ElementId).ToList());
            string[] expected = startYear > 2022 ? ["start"]
                : track == Tracks.National ? ["department-guidance-wait", "routine-wait"]
                : ["county-technical-assessment-wait", "department-guidance-sign"];
            Assert.True(expected.Order().SequenceEqual(tokens.Order()), $"{township} waits at {string.Join(", ", tokens.Order())}.");
        }
    }

    private static string Goal(string township) => ReferenceDataSeeder.Plan.Single(p => p.Township == township).Goal;

    private static string Shape(WorkflowMigrationView view) => string.Join(" | ",
        view.WorkflowId, string.Join(",", view.Tokens.Select(t => $"{t.From}>{t.To}:{t.Change}")),
        string.Join(",", view.TasksKept.Select(t => $"{t.TaskId}:{t.ToElement}:{t.DueAfter:O}")),
        string.Join(",", view.TasksCancelled.Select(t => t.TaskId)), string.Join(",", view.TasksCreated.Select(t => $"{t.ToElement}:{t.DueAfter:O}")),
        string.Join(",", view.Timers.Select(t => $"{t.Kind}:{t.FromElement}>{t.ToElement}:{t.DueBefore:O}>{t.DueAfter:O}:{t.Change}")),
        string.Join(",", view.Stages.Select(s => $"{s.Key}:{s.Before}>{s.After}")));

    private async Task<List<(string Township, string Track, int StartYear, int TargetYear, Guid Id)>> StartThePlanAsync()
    {
        var codes = _harness.Read(db => db.Townships.ToDictionary(t => t.Name, t => t.Code));
        var started = new List<(string, string, int, int, Guid)>();
        foreach (var (township, track, startYear, targetYear, _) in ReferenceDataSeeder.Plan)
            started.Add((township, track, startYear, targetYear, (await _harness.StartAsync(codes[township], track, startYear)).Id));
        return started;
    }
}

[Trait("Category", "Unit")]
public sealed class PlanMigrationReplayTestsOnSqlite() : PlanMigrationReplayTests(EngineDatabase.Sqlite);

[Trait("Category", "Postgres")]
public sealed class PlanMigrationReplayTestsOnPostgres() : PlanMigrationReplayTests(EngineDatabase.Postgres);
