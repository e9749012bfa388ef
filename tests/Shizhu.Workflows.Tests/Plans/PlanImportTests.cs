using Shizhu.Workflows.Events;
using Shizhu.Workflows.Plans;
using Shizhu.Workflows.Runtime;
using Shizhu.Workflows.Runtime.Model;
using Shizhu.Workflows.Tests.Infrastructure;

using Shizhu.Workflows.Tests.Infrastructure.Databases;

namespace Shizhu.Workflows.Tests.Plans;

public abstract class PlanImportTests(EngineDatabase database) : IAsyncLifetime
{
    private EngineHarness _harness = null!;

    public async Task InitializeAsync() => _harness = await EngineHarness.CreateAsync(database);

    public async Task DisposeAsync() => await _harness.DisposeAsync();

    [Fact]
    public async Task ImportingTheSeededPlanStartsAllTwelveCreationsInOneCall()
    {
        var plan = await _harness.SeededPlanAsync();

        var result = await _harness.ImportPlanAsync(plan);

        Assert.Equal((12, 12, 0, 0), (plan.Count, result.Started, result.Existing, result.Invalid));
        Assert.All(result.Entries, e => Assert.Equal((PlanEntryResult.StartedStatus, (string?)null), (e.Status, e.Problem)));
        Assert.Equal(plan.Select(p => p!.TownshipCode), result.Entries.Select(e => e.TownshipCode));
        var workflows = _harness.Read(db => db.Workflows.ToList());
        Assert.Equal(12, workflows.Count);
        Assert.Equal(result.Entries.Select(e => e.WorkflowId!.Value).Order(), workflows.Select(w => w.Id).Order());
        var yuelai = Assert.Single(workflows, w => w.TownshipCode == TownshipCodes.Yuelai);
        Assert.Equal(("national", 2022, 2024), (yuelai.Track, yuelai.StartYear, yuelai.TargetYear));
        Assert.Equal(12, (await _harness.EventsAsync<WorkflowStarted>()).Count);
    }

    [Fact]
    public async Task ImportingThePlanAgainAnswersTheExistingWorkflowsAndStartsNothing()
    {
        var plan = await _harness.SeededPlanAsync();
        var first = await _harness.ImportPlanAsync(plan);

        var second = await _harness.ImportPlanAsync(plan);

        Assert.Equal((0, 12, 0), (second.Started, second.Existing, second.Invalid));
        Assert.All(second.Entries, e => Assert.Equal(PlanEntryResult.ExistingStatus, e.Status));
        Assert.Equal(first.Entries.Select(e => e.WorkflowId), second.Entries.Select(e => e.WorkflowId));
        Assert.Equal(12, (await _harness.EventsAsync<WorkflowStarted>()).Count);
    }

    [Fact]
    public async Task ACompletedOrSuspendedWorkflowCountsAsExistingButACancelledOneIsStartedAfresh()
    {
        var shijia = await _harness.StartAsync(TownshipCodes.Shijia);
        var jinling = await _harness.StartAsync(TownshipCodes.Jinling);
        var yuelai = await _harness.StartAsync(TownshipCodes.Yuelai, Tracks.National, 2022);
        await using (var db = _harness.NewDbContext())
        {
            db.Workflows.Single(w => w.Id == shijia.Id).Status = WorkflowStatus.Completed;
            await db.SaveChangesAsync();
        }
        await _harness.SuspendAsync(jinling.Id);
        await _harness.CancelAsync(yuelai.Id);

        var result = await _harness.ImportPlanAsync([
            new(TownshipCodes.Shijia, "municipal", 2022, 2022), new(TownshipCodes.Jinling, "municipal", 2022, null),
            new(TownshipCodes.Yuelai, "national", 2022, 2024)]);

        Assert.Equal([(shijia.Id, "existing"), (jinling.Id, "existing")], result.Entries.Take(2).Select(e => (e.WorkflowId!.Value, e.Status)));
        Assert.Equal(PlanEntryResult.StartedStatus, result.Entries[2].Status);
        Assert.NotEqual(yuelai.Id, result.Entries[2].WorkflowId);
    }

    [Fact]
    public async Task InvalidEntriesAreAnsweredWithTheirFieldPathAndDoNotStopTheOthers()
    {
        var result = await _harness.ImportPlanAsync([
            new(TownshipCodes.Shijia, "municipal", 2022, null),
            new(TownshipCodes.Jinling, "provincial", 2022, null),
            new("999999999", "municipal", 2022, null),
            null,
            new(TownshipCodes.Huangshui, "municipal", 1999, null),
            new(TownshipCodes.Yuelai, "national", 2022, 2030),
        ]);

        Assert.Equal((1, 0, 5), (result.Started, result.Existing, result.Invalid));
        Assert.Equal(
            ["started", "invalid", "invalid", "invalid", "invalid", "invalid"], result.Entries.Select(e => e.Status));
        Assert.Equal(
            [null, "entries[1].track", "entries[2].townshipCode", "entries[3]", "entries[4].startYear", "entries[5].targetYear"],
            result.Entries.Select(e => e.Field));
        Assert.All(result.Entries.Skip(1), e => Assert.False(string.IsNullOrEmpty(e.Problem)));
        Assert.All(result.Entries.Skip(1), e => Assert.Null(e.WorkflowId));
        Assert.Single(_harness.Read(db => db.Workflows.ToList()));
    }

    [Fact]
    public async Task AnEntryRepeatedInOnePlanStartsOnceAndAnswersExistingTheSecondTime()
    {
        var result = await _harness.ImportPlanAsync([new(TownshipCodes.Shijia, "municipal", 2022, null), new(TownshipCodes.Shijia, "municipal", 2022, null)]);

        Assert.Equal(["started", "existing"], result.Entries.Select(e => e.Status));
        Assert.Equal(result.Entries[0].WorkflowId, result.Entries[1].WorkflowId);
    }

    [Fact]
    public async Task AnEmptyPlanOrOneTooLongIsInvalidAndOnlyTheCountyOfficeImports()
    {
        var empty = await Assert.ThrowsAsync<WorkflowException>(() => _harness.ImportPlanAsync([]));
        var missing = await Assert.ThrowsAsync<WorkflowException>(() => _harness.ImportPlanAsync(null));
        var tooLong = await Assert.ThrowsAsync<WorkflowException>(() =>
            _harness.ImportPlanAsync([.. Enumerable.Repeat<ImportPlanEntry?>(new(TownshipCodes.Shijia, "municipal", 2022, null), 101)]));
        var staff = await Assert.ThrowsAsync<WorkflowException>(() =>
            _harness.ImportPlanAsync([new(TownshipCodes.Shijia, "municipal", 2022, null)], TestActors.ShijiaStaff));

        Assert.All([empty, missing, tooLong], e => Assert.Equal((WorkflowErrorKind.Invalid, "entries"), (e.Kind, e.Field)));
        Assert.Equal(WorkflowErrorKind.Forbidden, staff.Kind);
        Assert.Empty(_harness.Read(db => db.Workflows.ToList()));
    }

    [Fact]
    public async Task RepeatingAnImportWithTheSameKeyAnswersTheFirstResultAndAnotherPlanUnderItIsRefused()
    {
        IReadOnlyList<ImportPlanEntry?> plan = [new(TownshipCodes.Shijia, "municipal", 2022, null)];
        var first = await _harness.ImportPlanAsync(plan, key: "import-1");

        var repeat = await _harness.ImportPlanAsync(plan, key: "import-1");
        var other = await Assert.ThrowsAsync<WorkflowException>(() =>
            _harness.ImportPlanAsync([new(TownshipCodes.Jinling, "municipal", 2022, null)], key: "import-1"));

        Assert.Equal(PlanEntryResult.StartedStatus, repeat.Entries[0].Status);
        Assert.Equal(first.Entries[0], repeat.Entries[0]);
        Assert.Equal((WorkflowErrorKind.Unprocessable, "Idempotency-Key"), (other.Kind, other.Field));
        Assert.Single(_harness.Read(db => db.Workflows.ToList()));
    }

    [Fact]
    public async Task EachImportedEntryCarriesThePlansGoalAndQiaotouIsToPassTheAssessmentRatherThanBeNamed()
    {
        var result = await _harness.ImportPlanAsync(await _harness.SeededPlanAsync());

        var goals = _harness.Read(db => db.Workflows.ToDictionary(w => w.TownshipName, w => w.Goal));
        Assert.Equal(12, result.Started);
        Assert.Equal(Goals.AssessmentPassed, goals["桥头镇"]);
        Assert.All(goals.Where(g => g.Key != "桥头镇"), g => Assert.Equal(Goals.Named, g.Value));
        // The template's gateways read the goal from the workflow's variables.
        var qiaotou = _harness.Read(db => db.Workflows.Single(w => w.TownshipName == "桥头镇"));
        Assert.Contains("\"goal\":\"assessmentPassed\"", qiaotou.Variables, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnEntryMayStateItsGoalAndAnUnknownGoalIsRefusedNamingTheField()
    {
        var result = await _harness.ImportPlanAsync(
        [
            new ImportPlanEntry(TownshipCodes.Shijia, "municipal", 2022, 2022, Goals.AssessmentPassed),
            new ImportPlanEntry(TownshipCodes.Jinling, "municipal", 2022, 2022, "title"),
        ]);

        Assert.Equal((1, 1), (result.Started, result.Invalid));
        Assert.Equal(Goals.AssessmentPassed, (await _harness.WorkflowAsync(result.Entries[0].WorkflowId!.Value)).Goal);
        Assert.Equal((PlanEntryResult.InvalidStatus, "entries[1].goal"), (result.Entries[1].Status, result.Entries[1].Field));
        Assert.Contains("assessmentPassed", result.Entries[1].Problem, StringComparison.Ordinal);
    }
}

[Trait("Category", "Unit")]
public sealed class PlanImportTestsOnSqlite() : PlanImportTests(EngineDatabase.Sqlite);

[Trait("Category", "Postgres")]
public sealed class PlanImportTestsOnPostgres() : PlanImportTests(EngineDatabase.Postgres);
