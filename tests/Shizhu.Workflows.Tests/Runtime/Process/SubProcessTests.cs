using Shizhu.Workflows.Calendar;
using Shizhu.Workflows.Runtime.Model;
using Shizhu.Workflows.Runtime.Queries;
using Shizhu.Workflows.Templates;
using Shizhu.Workflows.Tests.Infrastructure;
using Shizhu.Workflows.Tests.Templates;

using Shizhu.Workflows.Tests.Infrastructure.Databases;
using Shizhu.Workflows.Journal;

namespace Shizhu.Workflows.Tests.Runtime.Process;

/// <summary>
/// A template that calls one sub-process twice runs as if its elements were written out: tasks with the call's stage,
/// titles and deadlines, a round counter per call, and each round's working-day deadline counted from that round.
/// And workflows pinned to the built-in templates as they were written out before the sub-process keep running.
/// </summary>
public abstract class SubProcessTests(EngineDatabase database) : IAsyncLifetime
{
    private EngineHarness _harness = null!;

    public async Task InitializeAsync() => _harness = await EngineHarness.CreateAsync(database);

    public async Task DisposeAsync() => await _harness.DisposeAsync();

    private async Task<TaskView> CompleteAsync(Guid workflowId, string taskKey, string? outcome = null)
    {
        var task = await _harness.OpenTaskAsync(workflowId, taskKey);
        return await _harness.CompleteWithEvidenceAsync(task.Id, TestActors.AbleToComplete(task), new(outcome, null, null));
    }

    private async Task<(int? Survey, int? Revisit)> RoundsAsync(Guid workflowId)
    {
        var rounds = (await _harness.VariablesAsync(workflowId))["rounds"];
        return ((int?)rounds?["survey"], (int?)rounds?["revisit"]);
    }

    [Fact]
    public async Task EachCallRunsWithItsOwnStageTitlesDeadlinesAndRoundCounter()
    {
        // Wednesday 5 January 2022, 09:00 in China.
        var workflow = await _harness.StartOnAsync(SubProcessTemplate.Valid);

        var check = await _harness.OpenTaskAsync(workflow.Id, "survey-check");
        Assert.Equal(("survey", "调研检查", ChinaTime.EndOfDay(new DateOnly(2022, 1, 12))), (check.StageKey, check.Title, check.DueAt));
        await CompleteAsync(workflow.Id, "survey-check", "findings");
        var round1 = await _harness.OpenTaskAsync(workflow.Id, "survey-fix");
        Assert.Equal(("survey", "完成调研整改", ChinaTime.EndOfDay(new DateOnly(2022, 1, 19))), (round1.StageKey, round1.Title, round1.DueAt));
        Assert.Contains(await _harness.TimersAsync(workflow.Id), t => t.ElementId == "survey-fix-reminder" && t.TaskId == round1.Id);
        Assert.Equal((1, (int?)null), await RoundsAsync(workflow.Id));

        // Thursday 20 January: the second round's ten working days run from now, over the Spring Festival's
        // worked Saturday and Sunday (29, 30 January) and its holiday (31 January – 6 February).
        _harness.Clock.SetUtcNow(new DateTimeOffset(2022, 1, 20, 9, 0, 0, ChinaTime.Offset));
        await CompleteAsync(workflow.Id, "survey-fix");
        await CompleteAsync(workflow.Id, "survey-check", "findings");
        var round2 = await _harness.OpenTaskAsync(workflow.Id, "survey-fix");
        Assert.Equal(ChinaTime.EndOfDay(new DateOnly(2022, 2, 8)), round2.DueAt);
        Assert.Equal((2, (int?)null), await RoundsAsync(workflow.Id));

        await CompleteAsync(workflow.Id, "survey-fix");
        await CompleteAsync(workflow.Id, "survey-check", "passed");
        var revisit = await _harness.OpenTaskAsync(workflow.Id, "revisit-check");
        Assert.Equal(("revisit", "复查检查", ChinaTime.EndOfDay(new DateOnly(2022, 1, 25))), (revisit.StageKey, revisit.Title, revisit.DueAt));
        await CompleteAsync(workflow.Id, "revisit-check", "findings");
        Assert.Equal((2, 1), await RoundsAsync(workflow.Id));
        Assert.Equal(ChinaTime.EndOfDay(new DateOnly(2022, 1, 24)), (await _harness.OpenTaskAsync(workflow.Id, "revisit-fix")).DueAt);

        await CompleteAsync(workflow.Id, "revisit-fix");
        await CompleteAsync(workflow.Id, "revisit-check", "passed");
        Assert.Equal(WorkflowStatus.Completed, (await _harness.WorkflowAsync(workflow.Id)).Status);
        Assert.Equal([("survey", StageStatus.Completed), ("revisit", StageStatus.Completed)], (await _harness.StagesAsync(workflow.Id)).Select(s => (s.Key, s.Status)));
        Assert.Contains(await _harness.JournalAsync(workflow.Id), j => j.Kind == JournalKind.TaskCreated && j.Detail == "生成任务：完成复查整改");
        await TokenInvariants.AssertHoldAsync(_harness, workflow.Id);
    }

    [Fact]
    public async Task ACallThatCannotBeExpandedStopsInAnIncidentRatherThanLosingItsToken()
    {
        // Published without validation, as only a harness can: the call names no sub-process the template defines.
        var workflow = await _harness.StartOnAsync(SubProcessTemplate.Valid.Changing("survey", c => c with { Calls = "inspection" }));

        var incident = Assert.Single(await _harness.IncidentsAsync(workflow.Id));
        Assert.Equal("survey", incident.ElementId);
        Assert.Equal(("survey", TokenState.Incident), (await _harness.TokensAsync(workflow.Id)).Select(t => (t.ElementId, t.State)).Single());
    }

    [Fact]
    public async Task TheWorkflowViewShowsTheBuiltInCountySurveysWaitAsWrittenOut()
    {
        var workflow = await _harness.StartAsync(TownshipCodes.Shijia);
        await new ProcessDriver(_harness).RunUntilOpenAsync(workflow.Id, "pre-assessment-application");
        await CompleteAsync(workflow.Id, "pre-assessment-application");

        var detail = await _harness.QueryAsync(q => q.GetAsync(TestActors.CountyAdmin, workflow.Id, CancellationToken.None));

        var waiting = Assert.Single(detail!.Waiting);
        Assert.Equal(("timer", "5月1日开始县级调研", new DateTimeOffset(2022, 5, 1, 0, 0, 0, ChinaTime.Offset)), (waiting.Kind, waiting.Name, waiting.DueAt));
        // Beside the wait, only the departments' finished guidance waiting at the creation's join (ADR 0026).
        Assert.Equal(["county-survey-wait", "creation-join"], (await _harness.TokensAsync(workflow.Id)).Select(t => t.ElementId).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task AWorkflowOnTheBuiltInTemplateAsItWasWrittenOutKeepsRunningToItsEnd()
    {
        // As in a database seeded before the sub-process: the written-out document is the version the workflow is pinned to.
        await using (var db = _harness.NewDbContext())
        {
            db.Templates.Add(new TemplateVersion
            {
                Key = "municipal", Version = 2, Name = "重庆市卫生乡镇创建", Track = "municipal", Definition = TemplateResources.WrittenOut("municipal"),
                Status = TemplateStatus.Published, CreatedAt = _harness.Clock.GetUtcNow(), PublishedAt = _harness.Clock.GetUtcNow(),
            });
            await db.SaveChangesAsync();
        }
        var workflow = await _harness.StartAsync(TownshipCodes.Shijia);
        Assert.Equal(2, workflow.TemplateVersion);

        var check = await new ProcessDriver(_harness).RunUntilOpenAsync(workflow.Id, "county-survey-check");
        Assert.Equal(("county-survey", "开展县级调研"), (check.StageKey, check.Title));
        await new ProcessDriver(_harness).RunToCompletionAsync(workflow.Id, pace: TimeSpan.FromDays(1));

        Assert.Equal(WorkflowStatus.Completed, (await _harness.WorkflowAsync(workflow.Id)).Status);
        Assert.Equal(3, (await _harness.VariablesAsync(workflow.Id))["rounds"]!.AsObject().Count);
    }
}

[Trait("Category", "Unit")]
public sealed class SubProcessTestsOnSqlite() : SubProcessTests(EngineDatabase.Sqlite);

[Trait("Category", "Postgres")]
public sealed class SubProcessTestsOnPostgres() : SubProcessTests(EngineDatabase.Postgres);
