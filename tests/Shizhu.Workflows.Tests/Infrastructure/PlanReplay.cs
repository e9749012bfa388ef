using Microsoft.EntityFrameworkCore;
using Shizhu.Workflows.Calendar;
using Shizhu.Workflows.Runtime.Model;
namespace Shizhu.Workflows.Tests.Infrastructure;

/// <summary>
/// Moves the county's plan forward in simulated time as a good year would: open tasks completed within the hour with
/// their first outcome, the municipal verdict "passed" on 15 October of each target year, and otherwise the clock jumping
/// to the next timer. Shared by the plan replay (<c>Simulation/PlanReplayTests</c>, run until nothing waits) and the
/// migration replay (<c>InstanceMigration/PlanMigrationReplayTests</c>, which stops mid-year for a migration and goes on).
/// </summary>
public sealed class PlanReplay(EngineHarness harness)
{
    private readonly ProcessDriver _driver = new(harness);

    /// <summary>Replays until no workflow waits on anything, or until the next thing to do lies after <paramref name="until"/>.</summary>
    public async Task RunAsync(DateTimeOffset? until = null)
    {
        for (var round = 0; round < 3_000; round++)
        {
            await harness.FireDueAsync();
            if ((await _driver.OpenTasksAsync()).Count > 0)
            {
                harness.Clock.Advance(TimeSpan.FromHours(1));
                await _driver.CompleteOpenTasksAsync();
                continue;
            }
            var awaiting = await AwaitingVerdictAsync();
            var now = harness.Clock.GetUtcNow();
            var due = awaiting.Where(a => a.VerdictAt <= now).ToList();
            foreach (var (id, _) in due) await harness.DeliverAsync(id, ProcessDriver.VerdictMessage, ProcessDriver.PassedVerdict);
            if (due.Count > 0) continue;

            var next = new[] { (await _driver.NextTimerEventAsync())?.DueAt }
                .Concat(awaiting.Select(a => (DateTimeOffset?)a.VerdictAt)).Where(d => d is not null).Min();
            if (next is null || next > until) return;
            if (next > now) harness.Clock.SetUtcNow(next.Value);
        }
        Assert.Fail("The plan did not reach its end (or the replay's stop) in 3,000 rounds.");
    }

    /// <summary>The workflows waiting for the municipal verdict, each with when it comes: 15 October of the target year, 10:00 in China.</summary>
    private async Task<List<(Guid Id, DateTimeOffset VerdictAt)>> AwaitingVerdictAsync()
    {
        await using var db = harness.NewDbContext();
        return await db.Tokens.AsNoTracking()
            .Where(t => t.ElementId == ProcessDriver.VerdictMessage && t.State == TokenState.Waiting)
            .Join(db.Workflows, t => t.WorkflowId, w => w.Id, (t, w) => new { w.Id, w.TargetYear })
            .AsAsyncEnumerable()
            .Select(w => (w.Id, new DateTimeOffset(w.TargetYear, 10, 15, 10, 0, 0, ChinaTime.Offset)))
            .ToListAsync();
    }
}
