using Shizhu.Workflows.Calendar;
using Shizhu.Workflows.Runtime.Model;
using Shizhu.Workflows.Tests.Infrastructure;

using Shizhu.Workflows.Tests.Infrastructure.Databases;
using Shizhu.Workflows.Runtime.Tasks;
using Shizhu.Workflows.Runtime.Queries;

namespace Shizhu.Workflows.Tests.Simulation;

/// <summary>
/// The built-in municipal template off the good path (ADR 0026): a county check that finds problems runs a rectification
/// round due inside the check's month, and every failed municipal result or public notice waits for the county office's
/// decision — rectify and try again, or roll over to the next year's cycle — instead of looping on its own.
/// </summary>
public abstract class PlanDecisionPathsTests(EngineDatabase database) : IAsyncLifetime
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

    [Fact]
    public async Task ACountyCheckThatFindsProblemsRunsARoundWhoseRectificationAndReportAreDueByTheEndOfTheChecksMonth()
    {
        var workflow = await _harness.StartAsync(TownshipCodes.Shijia);
        var check = await _driver.RunUntilOpenAsync(workflow.Id, "county-survey-check", TimeSpan.FromHours(1));

        await CompleteAsync(check, "findings");
        await _driver.RunUntilOpenAsync(workflow.Id, "county-hidden-inspection-check", TimeSpan.FromHours(1));

        var tasks = await _harness.TasksAsync(workflow.Id);
        foreach (var key in new[] { "county-survey-rectification", "county-survey-report", "county-survey-verification" })
        {
            var task = Assert.Single(tasks, t => t.ElementId == key);
            Assert.Equal(new DateOnly(2022, 5, 31), DateOnly.FromDateTime(ChinaTime.ToLocal(task.DueAt!.Value).DateTime));
            Assert.Equal(5, ChinaTime.ToLocal(task.CompletedAt!.Value).Month);
        }
        var survey = Assert.Single(await _harness.StagesAsync(workflow.Id), s => s.Key == "county-survey");
        Assert.Equal((StageStatus.Completed, 5), (survey.Status, ChinaTime.ToLocal(survey.CompletedAt!.Value).Month));
        Assert.DoesNotContain(tasks, t => t.ElementId.StartsWith("county-hidden-inspection-rectification", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AFailedTechnicalAssessmentAcceptanceRolledOverByTheCountyOfficeRunsTheNextYearsChecksAndPaysTheFirstInstalmentOnce()
    {
        var workflow = await _harness.StartAsync(TownshipCodes.Shijia);
        await CompleteAsync(await _driver.RunUntilOpenAsync(workflow.Id, "hidden-inspection-result"), "passed");
        Assert.True(await _driver.AwaitsMessageAsync(workflow.Id));

        await _harness.DeliverAsync(workflow.Id, ProcessDriver.VerdictMessage, """{"result":"failed"}""");
        var decision = Assert.Single(await _driver.OpenTasksAsync(workflow.Id));
        Assert.Equal(("verdict-decision", "county-admin"), (decision.ElementId, decision.Role));
        await CompleteAsync(decision, "roll-over");

        Assert.Empty(await _driver.OpenTasksAsync(workflow.Id));
        Assert.Equal(new DateTimeOffset(2023, 5, 1, 0, 0, 0, ChinaTime.Offset), (await _driver.NextTimerEventAsync(workflow.Id))!.DueAt);
        await _driver.RunToCompletionAsync(workflow.Id);

        var done = await _harness.WorkflowAsync(workflow.Id);
        Assert.Equal((WorkflowStatus.Completed, 2023), (done.Status, ChinaTime.ToLocal(done.CompletedAt!.Value).Year));
        var instalments = _harness.Read(db => db.SubsidyInstalments.Where(s => s.WorkflowId == workflow.Id).ToList()).OrderBy(s => s.Instalment).ToList();
        Assert.Equal([(1, 2022), (2, 2023)], instalments.Select(s => (s.Instalment, ChinaTime.ToLocal(s.RecordedAt).Year)));
        var tasks = await _harness.TasksAsync(workflow.Id);
        Assert.Equal([(2022, 5), (2023, 5)], tasks.Where(t => t.ElementId == "county-survey-check").Select(t => ChinaTime.ToLocal(t.CreatedAt))
            .Order().Select(c => (c.Year, c.Month)));
        Assert.Equal(2, tasks.Count(t => t.ElementId == "hidden-inspection-result"));
    }

    [Fact]
    public async Task AFailedMunicipalHiddenInspectionWaitsForTheCountyOfficeAndRectifyingRegistersTheResultAgain()
    {
        var workflow = await _harness.StartAsync(TownshipCodes.Shijia);
        await CompleteAsync(await _driver.RunUntilOpenAsync(workflow.Id, "hidden-inspection-result"), "failed");

        var decision = Assert.Single(await _driver.OpenTasksAsync(workflow.Id));
        Assert.Equal(("hidden-inspection-decision", "county-admin"), (decision.ElementId, decision.Role));
        Assert.Empty(_harness.Read(db => db.SubsidyInstalments.ToList()));
        await CompleteAsync(decision, "rectify");
        Assert.Equal("hidden-inspection-rectification", Assert.Single(await _driver.OpenTasksAsync(workflow.Id)).ElementId);
        await _driver.CompleteOpenTasksAsync(workflow.Id);

        Assert.Equal("hidden-inspection-result", Assert.Single(await _driver.OpenTasksAsync(workflow.Id)).ElementId);
    }

    [Fact]
    public async Task AFailedTechnicalAssessmentAcceptanceWaitsForTheCountyOfficeAndRectifyingAsksForTheVerdictAgain()
    {
        var workflow = await _harness.StartAsync(TownshipCodes.Shijia);
        await CompleteAsync(await _driver.RunUntilOpenAsync(workflow.Id, "hidden-inspection-result"), "passed");
        Assert.True(await _driver.AwaitsMessageAsync(workflow.Id));

        await _harness.DeliverAsync(workflow.Id, ProcessDriver.VerdictMessage, """{"result":"failed"}""");

        var decision = Assert.Single(await _driver.OpenTasksAsync(workflow.Id));
        Assert.Equal("verdict-decision", decision.ElementId);
        Assert.False(await _driver.AwaitsMessageAsync(workflow.Id));
        await CompleteAsync(decision, "rectify");
        var rectification = Assert.Single(await _driver.OpenTasksAsync(workflow.Id));
        Assert.Equal("municipal-rectification", rectification.ElementId);
        await _driver.CompleteOpenTasksAsync(workflow.Id);
        Assert.True(await _driver.AwaitsMessageAsync(workflow.Id));
    }

    [Fact]
    public async Task AFailedPublicNoticeIsRectifiedOnTheCountyOfficesDecisionAndTheTitleIsConferredTheSameYear()
    {
        var workflow = await _harness.StartAsync(TownshipCodes.Shijia);
        await CompleteAsync(await _driver.RunUntilOpenAsync(workflow.Id, "public-notice"), "failed");

        await CompleteAsync(Assert.Single(await _driver.OpenTasksAsync(workflow.Id), t => t.ElementId == "public-notice-decision"), "rectify");
        Assert.Equal("public-notice-rectification", Assert.Single(await _driver.OpenTasksAsync(workflow.Id)).ElementId);
        await _driver.RunToCompletionAsync(workflow.Id);

        var tasks = await _harness.TasksAsync(workflow.Id);
        Assert.Equal(["failed", "passed"], tasks.Where(t => t.ElementId == "public-notice").Select(t => t.Outcome!).Order());
        var done = await _harness.WorkflowAsync(workflow.Id);
        Assert.Equal((2022, 12), (ChinaTime.ToLocal(done.CompletedAt!.Value).Year, ChinaTime.ToLocal(done.CompletedAt.Value).Month));
    }

    private Task<TaskView> CompleteAsync(WorkflowTask task, string outcome) =>
        _harness.CompleteWithEvidenceAsync(task.Id, TestActors.AbleToComplete(task), new CompleteTask(outcome, null, null));
}

[Trait("Category", "Unit")]
public sealed class PlanDecisionPathsTestsOnSqlite() : PlanDecisionPathsTests(EngineDatabase.Sqlite);

[Trait("Category", "Postgres")]
public sealed class PlanDecisionPathsTestsOnPostgres() : PlanDecisionPathsTests(EngineDatabase.Postgres);
