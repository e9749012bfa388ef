using System.Text.Json;
using Shizhu.Workflows.Calendar;
using Shizhu.Workflows.Events;
using Shizhu.Workflows.ReferenceData;
using Shizhu.Workflows.Runtime.Model;
using Shizhu.Workflows.Tests.Infrastructure;

using Shizhu.Workflows.Tests.Infrastructure.Databases;
using Shizhu.Workflows.Runtime.Tasks;

namespace Shizhu.Workflows.Tests.Runtime.Process;

/// <summary>
/// The built-in municipal template's county survey (县级调研) of 石家乡, May 2022: a check that finds problems starts a
/// rectification round, and each failed verification another, counted in <c>rounds.county-survey</c>; every round's
/// rectification and report are due by the end of May, as the plan puts the survey, its rectification and its report in
/// May (ADR 0026), and its reminder comes a template-parameter number of working days after the round opens (around the
/// Labour Day holiday of 30 April – 4 May, with Saturday 7 May worked). A check that finds nothing runs no round.
/// </summary>
public abstract class RectificationRoundsTests(EngineDatabase database) : IAsyncLifetime
{
    private static readonly DateTimeOffset FirstOfMay = new(2022, 5, 1, 0, 0, 0, ChinaTime.Offset);
    private static readonly DateTimeOffset TenthOfMay = new(2022, 5, 10, 10, 0, 0, ChinaTime.Offset);

    /// <summary>Where the workflow waits once the survey is over: the hidden inspection's month, and the departments' finished guidance at the creation's join.</summary>
    private static readonly string[] AfterTheSurvey = ["county-hidden-inspection-wait", "creation-join"];

    private EngineHarness _harness = null!;
    private WorkflowInstance _workflow = null!;

    public async Task InitializeAsync()
    {
        _harness = await EngineHarness.CreateAsync(database);
        _workflow = await _harness.StartAsync(TownshipCodes.Shijia);
    }

    public async Task DisposeAsync() => await _harness.DisposeAsync();

    private Task CompleteAsync(string taskKey, string? outcome = null, string? data = null) =>
        CompleteAsync(_harness, _workflow.Id, taskKey, outcome, data);

    private static async Task CompleteAsync(EngineHarness harness, Guid workflowId, string taskKey, string? outcome, string? data)
    {
        var task = await harness.OpenTaskAsync(workflowId, taskKey);
        using var json = data is null ? null : JsonDocument.Parse(data);
        await harness.CompleteWithEvidenceAsync(task.Id, TestActors.AbleToComplete(task), new CompleteTask(outcome, json?.RootElement, null));
    }

    private async Task<int?> RoundsAsync() => (int?)(await _harness.VariablesAsync(_workflow.Id))["rounds"]?["county-survey"];

    [Fact]
    public async Task EachFailedVerificationStartsAnotherRoundDueByTheEndOfTheSurveysMonthWithItsOwnReminder()
    {
        var check = await new ProcessDriver(_harness).RunUntilOpenAsync(_workflow.Id, "county-survey-check", pace: TimeSpan.FromDays(1));
        Assert.Equal(FirstOfMay, check.CreatedAt);
        Assert.Null(await RoundsAsync());

        await CompleteAsync("county-survey-check", "findings", """{"findingsCount":3}""");

        var round1 = await _harness.OpenTaskAsync(_workflow.Id, "county-survey-rectification");
        Assert.Equal(1, await RoundsAsync());
        Assert.Equal((FirstOfMay, ChinaTime.EndOfDay(new DateOnly(2022, 5, 31))), (round1.CreatedAt, round1.DueAt));
        var reminder1 = Assert.Single(await _harness.TimersAsync(_workflow.Id), t => t.TaskId == round1.Id && t.Kind == TimerKind.Boundary);
        Assert.Equal(("county-survey-rectification-reminder", ChinaTime.EndOfDay(new DateOnly(2022, 5, 17))), (reminder1.ElementId, reminder1.DueAt));

        _harness.Clock.SetUtcNow(TenthOfMay);
        await CompleteAsync("county-survey-rectification");
        Assert.Equal(ChinaTime.EndOfDay(new DateOnly(2022, 5, 31)), (await _harness.OpenTaskAsync(_workflow.Id, "county-survey-report")).DueAt);
        await CompleteAsync("county-survey-report");
        await CompleteAsync("county-survey-verification", "findings");

        var round2 = await _harness.OpenTaskAsync(_workflow.Id, "county-survey-rectification");
        Assert.NotEqual(round1.Id, round2.Id);
        Assert.Equal(2, await RoundsAsync());
        Assert.Equal((TenthOfMay, ChinaTime.EndOfDay(new DateOnly(2022, 5, 31))), (round2.CreatedAt, round2.DueAt));
        var reminder2 = Assert.Single(await _harness.TimersAsync(_workflow.Id), t => t.TaskId == round2.Id && t.Kind == TimerKind.Boundary);
        Assert.Equal(ChinaTime.EndOfDay(new DateOnly(2022, 5, 24)), reminder2.DueAt);
        Assert.Equal(TenthOfMay, Assert.Single(await _harness.TimersAsync(_workflow.Id), t => t.Id == reminder1.Id).CancelledAt);
        await TokenInvariants.AssertHoldAsync(_harness, _workflow.Id);

        // Round 2 runs late: its own reminder fires, once, and leaves it open.
        _harness.Clock.SetUtcNow(ChinaTime.EndOfDay(new DateOnly(2022, 5, 25)));
        await _harness.FireDueAsync();
        var reminded = Assert.Single(await _harness.EventsAsync<TaskAlertRaised>());
        Assert.Equal((round2.Id, AlertKind.Reminder), (reminded.TaskId, reminded.Kind));
        Assert.Equal(UserTaskStatus.Open, (await _harness.TaskAsync(round2.Id)).Status);

        await CompleteAsync("county-survey-rectification");
        await CompleteAsync("county-survey-report");
        await CompleteAsync("county-survey-verification", "passed");

        Assert.Equal(2, await RoundsAsync());
        var tasks = (await _harness.TasksAsync(_workflow.Id)).Where(t => t.StageKey == "county-survey").ToList();
        Assert.Equal(
            [("county-survey-check", 1), ("county-survey-rectification", 2), ("county-survey-report", 2), ("county-survey-verification", 2)],
            tasks.GroupBy(t => t.ElementId).Select(g => (g.Key, g.Count())).OrderBy(g => g.Key, StringComparer.Ordinal));
        Assert.All(tasks, t => Assert.Equal(UserTaskStatus.Completed, t.Status));
        Assert.Equal(AfterTheSurvey, (await _harness.TokensAsync(_workflow.Id)).Select(t => t.ElementId).Order(StringComparer.Ordinal));
        await TokenInvariants.AssertHoldAsync(_harness, _workflow.Id);
    }

    [Fact]
    public async Task APassingVerificationNeedsOnlyOneRound()
    {
        await new ProcessDriver(_harness).RunUntilOpenAsync(_workflow.Id, "county-survey-check");

        await CompleteAsync("county-survey-check", "findings");
        foreach (var key in new[] { "county-survey-rectification", "county-survey-report" }) await CompleteAsync(key);
        await CompleteAsync("county-survey-verification", "passed");

        Assert.Equal(1, await RoundsAsync());
        Assert.Single(await _harness.TasksAsync(_workflow.Id), t => t.ElementId == "county-survey-rectification");
        Assert.Equal(AfterTheSurvey, (await _harness.TokensAsync(_workflow.Id)).Select(t => t.ElementId).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task ACheckThatFindsNothingRunsNoRectificationRoundAndTheStageEndsWithIt()
    {
        await new ProcessDriver(_harness).RunUntilOpenAsync(_workflow.Id, "county-survey-check");
        _harness.Clock.SetUtcNow(TenthOfMay);

        await CompleteAsync("county-survey-check", "passed");

        Assert.Null(await RoundsAsync());
        Assert.DoesNotContain(await _harness.TasksAsync(_workflow.Id), t => t.ElementId is "county-survey-rectification" or "county-survey-report");
        Assert.Equal(AfterTheSurvey, (await _harness.TokensAsync(_workflow.Id)).Select(t => t.ElementId).Order(StringComparer.Ordinal));
        // The wait for June is outside every stage: the survey is completed when its work is, not on 1 June.
        var survey = Assert.Single(await _harness.StagesAsync(_workflow.Id), s => s.Key == "county-survey");
        Assert.Equal((StageStatus.Completed, TenthOfMay), (survey.Status, survey.CompletedAt));
    }
}

[Trait("Category", "Unit")]
public sealed class RectificationRoundsTestsOnSqlite() : RectificationRoundsTests(EngineDatabase.Sqlite);

[Trait("Category", "Postgres")]
public sealed class RectificationRoundsTestsOnPostgres() : RectificationRoundsTests(EngineDatabase.Postgres);
