using Microsoft.EntityFrameworkCore;
using Shizhu.Workflows.Calendar;
using Shizhu.Workflows.ReferenceData;
using Shizhu.Workflows.Runtime;
using Shizhu.Workflows.Runtime.Model;
using Shizhu.Workflows.Tests.Infrastructure;

using Shizhu.Workflows.Tests.Infrastructure.Databases;

namespace Shizhu.Workflows.Tests.Simulation;

/// <summary>
/// The county plan's whole calendar (行事历, <see cref="ReferenceDataSeeder.Plan"/>) replayed in simulated time: all twelve
/// creations started on Tuesday 4 January 2022, the timer start holding the later ones until their start year; every task
/// completed within the hour it opens, the clock jumping to the next timer when nothing is open, and the municipal office's
/// verdict "passed" delivered on 15 October of each target year.
/// </summary>
public abstract class PlanReplayTests(EngineDatabase database) : IAsyncLifetime
{
    private static readonly DateTimeOffset FourthOfJanuary2022 = new(2022, 1, 4, 9, 0, 0, ChinaTime.Offset);

    private EngineHarness _harness = null!;
    private ProcessDriver _driver = null!;

    public async Task InitializeAsync()
    {
        _harness = await EngineHarness.CreateAsync(database, FourthOfJanuary2022);
        _driver = new ProcessDriver(_harness);
    }

    public async Task DisposeAsync() => await _harness.DisposeAsync();

    [Fact(Timeout = 120_000)]
    public async Task ReplayingThePlanNamesEveryTownshipInItsTargetYearWithItsCountyChecksInTheAnnexMonths()
    {
        var workflows = await StartThePlanAsync();
        await ReplayAsync();

        await using var db = _harness.NewDbContext();
        var tasks = await db.Tasks.AsNoTracking().ToListAsync();
        var subsidies = await db.SubsidyInstalments.AsNoTracking().ToListAsync();
        foreach (var (township, track, startYear, targetYear, id) in workflows)
        {
            var workflow = await _harness.WorkflowAsync(id);
            Assert.True(workflow.Status == WorkflowStatus.Completed, $"{township} was not named.");
            Assert.Equal((township, targetYear), (workflow.TownshipName, Local(workflow.CompletedAt!.Value).Year));
            Assert.All(await _harness.StagesAsync(id), s => Assert.Equal(StageStatus.Completed, s.Status));

            var own = tasks.Where(t => t.WorkflowId == id).ToList();
            Assert.All(own, t => Assert.Equal(UserTaskStatus.Completed, t.Status));
            Assert.All(own, t => Assert.True(t.CompletedAt <= (t.DueAt ?? DateTimeOffset.MaxValue), $"{township}: {t.ElementId} completed late."));
            Assert.All(own, t => Assert.InRange(Local(t.CreatedAt).Year, startYear, targetYear));
            Assert.Equal(startYear, own.Where(t => t.ElementId == "leading-group").Select(t => Local(t.CreatedAt).Year).Single());
            AssertCheckedIn(own, "county-survey-check", targetYear, 5);
            AssertCheckedIn(own, "county-hidden-inspection-check", targetYear, 6);
            AssertCheckedIn(own, "county-technical-assessment-check", targetYear, 7, 8);

            var instalments = subsidies.Where(s => s.WorkflowId == id).OrderBy(s => s.Instalment).ToList();
            var half = track == Tracks.National ? 500_000m : 400_000m;
            Assert.Equal([(1, half), (2, half)], instalments.Select(s => (s.Instalment, s.Amount)));
            Assert.Equal((targetYear, 10), (Local(instalments[0].RecordedAt).Year, Local(instalments[0].RecordedAt).Month));
            await TokenInvariants.AssertHoldAsync(_harness, id);
        }
        Assert.Equal(3 * 1_000_000m + 9 * 800_000m, subsidies.Sum(s => s.Amount));
        Assert.Equal(12, (await _harness.EventsAsync<Events.WorkflowCompleted>()).Count);
    }

    /// <summary>Starts every plan entry at once; those whose start year is still to come wait at their timer start, with nothing open.</summary>
    private async Task<List<(string Township, string Track, int StartYear, int TargetYear, Guid Id)>> StartThePlanAsync()
    {
        var codes = _harness.Read(db => db.Townships.ToDictionary(t => t.Name, t => t.Code));
        var started = new List<(string, string, int, int, Guid)>();
        foreach (var (township, track, startYear, targetYear) in ReferenceDataSeeder.Plan)
        {
            var workflow = await _harness.StartAsync(codes[township], track, startYear);
            Assert.Equal(targetYear, workflow.TargetYear);
            started.Add((township, track, startYear, targetYear, workflow.Id));
            if (startYear == 2022) continue;
            Assert.Empty(await _harness.TasksAsync(workflow.Id));
            var timer = Assert.Single(await _harness.TimersAsync(workflow.Id));
            Assert.Equal(new DateTimeOffset(startYear, 1, 1, 0, 0, 0, ChinaTime.Offset), timer.DueAt);
        }
        return started;
    }

    /// <summary>Moves the county forward until no workflow waits on anything: tasks first, then due verdicts, then the next timer.</summary>
    private async Task ReplayAsync()
    {
        for (var round = 0; round < 2_000; round++)
        {
            await _harness.FireDueAsync();
            if ((await _driver.OpenTasksAsync()).Count > 0)
            {
                _harness.Clock.Advance(TimeSpan.FromHours(1));
                await _driver.CompleteOpenTasksAsync();
                continue;
            }
            var awaiting = await AwaitingVerdictAsync();
            var now = _harness.Clock.GetUtcNow();
            var due = awaiting.Where(a => a.VerdictAt <= now).ToList();
            foreach (var (id, _) in due) await _harness.DeliverAsync(id, ProcessDriver.VerdictMessage, ProcessDriver.PassedVerdict);
            if (due.Count > 0) continue;

            var next = new[] { (await _driver.NextTimerEventAsync())?.DueAt }
                .Concat(awaiting.Select(a => (DateTimeOffset?)a.VerdictAt)).Where(d => d is not null).Min();
            if (next is null) return;
            if (next > now) _harness.Clock.SetUtcNow(next.Value);
        }
        Assert.Fail("The plan did not finish in 2,000 rounds.");
    }

    /// <summary>The workflows waiting for the municipal verdict, each with when it comes: 15 October of the target year, 10:00 in China.</summary>
    private async Task<List<(Guid Id, DateTimeOffset VerdictAt)>> AwaitingVerdictAsync()
    {
        await using var db = _harness.NewDbContext();
        return await db.Tokens.AsNoTracking()
            .Where(t => t.ElementId == ProcessDriver.VerdictMessage && t.State == TokenState.Waiting)
            .Join(db.Workflows, t => t.WorkflowId, w => w.Id, (t, w) => new { w.Id, w.TargetYear })
            .AsAsyncEnumerable()
            .Select(w => (w.Id, new DateTimeOffset(w.TargetYear, 10, 15, 10, 0, 0, ChinaTime.Offset)))
            .ToListAsync();
    }

    private static void AssertCheckedIn(List<WorkflowTask> tasks, string taskKey, int year, params int[] months)
    {
        var check = Assert.Single(tasks, t => t.ElementId == taskKey);
        Assert.Equal(year, Local(check.CreatedAt).Year);
        Assert.Equal(year, Local(check.CompletedAt!.Value).Year);
        Assert.Contains(Local(check.CreatedAt).Month, months);
        Assert.Contains(Local(check.CompletedAt!.Value).Month, months);
    }

    private static DateTimeOffset Local(DateTimeOffset instant) => ChinaTime.ToLocal(instant);
}

[Trait("Category", "Unit")]
public sealed class PlanReplayTestsOnSqlite() : PlanReplayTests(EngineDatabase.Sqlite);

[Trait("Category", "Postgres")]
public sealed class PlanReplayTestsOnPostgres() : PlanReplayTests(EngineDatabase.Postgres);
