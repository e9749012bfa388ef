using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Shizhu.Workflows.Runtime.Model;
using Shizhu.Workflows.Tests.Infrastructure;

using Shizhu.Workflows.Tests.Infrastructure.Databases;
using Shizhu.Workflows.Runtime.Tasks;
using Shizhu.Workflows.Journal;

namespace Shizhu.Workflows.Tests.Journal;

/// <summary>
/// Every journal row the engine writes carries the state it changed, before and after, as JSON objects:
/// representative commands (complete, claim and assign, suspend and resume, a service task, timers) on small templates.
/// </summary>
public abstract class StructuredJournalTests(EngineDatabase database) : IAsyncLifetime
{
    private EngineHarness _harness = null!;

    public async Task InitializeAsync() => _harness = await EngineHarness.CreateAsync(database);

    public async Task DisposeAsync() => await _harness.DisposeAsync();

    /// <summary>The one row of <paramref name="kind"/> (the last when <paramref name="last"/>), with its change parsed.</summary>
    private async Task<(JsonObject Before, JsonObject After)> ChangeAsync(Guid workflowId, string kind, bool last = false)
    {
        var rows = (await _harness.JournalAsync(workflowId)).Where(j => j.Kind.ToString() == kind).ToList();
        var row = last ? rows[^1] : Assert.Single(rows);
        Assert.NotNull(row.Change);
        var change = JsonNode.Parse(row.Change)!.AsObject();
        return (change["before"]!.AsObject(), change["after"]!.AsObject());
    }

    private static string? Text(JsonNode? node, string path)
    {
        foreach (var part in path.Split('.')) node = node?[part];
        return node?.GetValue<string>();
    }

    [Fact]
    public async Task CompletingATaskRecordsTheTaskTheVariableAndWhereItsTokenWent()
    {
        var workflow = await _harness.StartOnAsync(TestTemplates.MunicipalWithOutcomes, townshipCode: TownshipCodes.Shijia);
        var submit = await _harness.OpenTaskAsync(workflow.Id, "submit");

        await _harness.CompleteAsync(submit.Id, TestActors.ShijiaStaff, new CompleteTask(null, null, "材料已齐"));

        var (before, after) = await ChangeAsync(workflow.Id, "TaskCompleted");
        Assert.Equal((submit.Id.ToString(), "open", null, null), (Text(before, "task.id"), Text(before, "task.status"),
            Text(before, "task.outcome"), Text(before, "task.completedBy")));
        Assert.Equal(("completed", TestActors.ShijiaStaff.UserName), (Text(after, "task.status"), Text(after, "task.completedBy")));
        Assert.Null(before["variables"]!["submit"]);
        Assert.Equal(TestActors.ShijiaStaff.UserName, Text(after, "variables.submit.completedBy"));
        Assert.Equal(("submit", "verdict"), (Text(before, "token.element"), Text(after, "token.element")));
        Assert.Equal(Text(before, "token.id"), Text(after, "token.id"));

        var (createdBefore, created) = await ChangeAsync(workflow.Id, "TaskCreated", last: true);
        Assert.Empty(createdBefore);
        Assert.Equal(("verdict", "open", "county"), (Text(created, "task.key"), Text(created, "task.status"), Text(created, "task.scope")));
    }

    [Fact]
    public async Task ClaimingAndReassigningRecordTheAssigneeBeforeAndAfter()
    {
        var workflow = await _harness.StartOnAsync(TestTemplates.MunicipalWithOutcomes, townshipCode: TownshipCodes.Shijia);
        var submit = await _harness.OpenTaskAsync(workflow.Id, "submit");
        var colleague = TestActors.ShijiaStaff with { UserName = "staff-2" };

        await _harness.ClaimAsync(submit.Id, TestActors.ShijiaStaff);
        await _harness.AssignAsync(submit.Id, colleague, TestActors.CountyAdmin);

        var (claimedBefore, claimed) = await ChangeAsync(workflow.Id, "TaskClaimed");
        Assert.Equal((null, TestActors.ShijiaStaff.UserName), (Text(claimedBefore, "task.assignee"), Text(claimed, "task.assignee")));
        var (assignedBefore, assigned) = await ChangeAsync(workflow.Id, "TaskAssigned");
        Assert.Equal((TestActors.ShijiaStaff.UserName, "staff-2"), (Text(assignedBefore, "task.assignee"), Text(assigned, "task.assignee")));
        Assert.Equal(submit.Id.ToString(), Text(assigned, "task.id"));
    }

    [Fact]
    public async Task SuspendingAndResumingRecordTheWorkflowsStatus()
    {
        var workflow = await _harness.StartOnAsync(TestTemplates.MunicipalWithOutcomes);

        await _harness.SuspendAsync(workflow.Id, reason: "迎检材料调整");
        await _harness.ResumeAsync(workflow.Id);

        var (suspendedBefore, suspended) = await ChangeAsync(workflow.Id, "WorkflowSuspended");
        Assert.Equal(("running", "suspended", "迎检材料调整"),
            (Text(suspendedBefore, "workflow.status"), Text(suspended, "workflow.status"), Text(suspended, "workflow.reason")));
        var (resumedBefore, resumed) = await ChangeAsync(workflow.Id, "WorkflowResumed");
        Assert.Equal(("suspended", "running"), (Text(resumedBefore, "workflow.status"), Text(resumed, "workflow.status")));
    }

    [Fact]
    public async Task AServiceTaskRecordsTheVariablesItSetBeforeAndAfter()
    {
        var workflow = await _harness.StartOnAsync(ProcessTemplates.CountingStep());

        await _harness.CompleteAsync(workflow.Id, "before");

        var (before, after) = await ChangeAsync(workflow.Id, "ServiceTaskCompleted");
        Assert.Equal(new JsonObject { ["rounds"] = null }.ToJsonString(), before["variables"]!.ToJsonString());
        Assert.Equal(1m, after["variables"]!["rounds"]!.GetValue<decimal>());
        Assert.Equal("执行服务任务：count（increment）", (await _harness.JournalAsync(workflow.Id)).Single(j => j.Kind == JournalKind.ServiceTaskCompleted).Detail);
    }

    [Fact]
    public async Task ATimerEventFiringRecordsTheTimerAndTheTokensMove()
    {
        var workflow = await _harness.StartOnAsync(ProcessTemplates.IntermediateTimer(days: 3));
        await _harness.CompleteAsync(workflow.Id, "before");
        var timer = Assert.Single(await _harness.TimersAsync(workflow.Id), t => t.Kind == TimerKind.TimerEvent);
        var (waitingBefore, waiting) = await ChangeAsync(workflow.Id, "WaitingForTime");
        Assert.Empty(waitingBefore);
        Assert.Equal((timer.Id.ToString(), "wait"), (Text(waiting, "timer.id"), Text(waiting, "token.element")));

        _harness.Clock.SetUtcNow(timer.DueAt);
        await _harness.FireDueAsync();

        var (before, after) = await ChangeAsync(workflow.Id, "TimerElapsed");
        Assert.Null(before["timer"]!["firedAt"]);
        Assert.Equal(timer.DueAt, after["timer"]!["firedAt"]!.GetValue<DateTimeOffset>());
        Assert.Equal(("wait", "after"), (Text(before, "token.element"), Text(after, "token.element")));
    }

    [Fact]
    public async Task ADeadlinePassingRecordsTheTaskTurningOverdueAndItsAlert()
    {
        var workflow = await _harness.StartOnAsync(TestTemplates.MunicipalWithOutcomes);
        var due = Assert.Single(await _harness.TimersAsync(workflow.Id), t => t.Kind == TimerKind.TaskDue);

        _harness.Clock.SetUtcNow(due.DueAt);
        await _harness.FireDueAsync();

        var (before, after) = await ChangeAsync(workflow.Id, "TaskOverdue");
        Assert.False(before["task"]!["overdue"]!.GetValue<bool>());
        Assert.True(after["task"]!["overdue"]!.GetValue<bool>());
        Assert.Equal("overdue", Text(after, "alert.kind"));
    }

    [Fact]
    public async Task EveryRowTheEngineWritesCarriesItsChange()
    {
        var workflow = await _harness.StartOnAsync(ProcessTemplates.CountingStep());
        await _harness.CompleteAsync(workflow.Id, "before");
        await _harness.CompleteAsync(workflow.Id, "after");

        var journal = await _harness.JournalAsync(workflow.Id);
        Assert.Contains(journal, j => j.Kind == JournalKind.WorkflowCompleted);
        Assert.All(journal, j => Assert.NotNull(j.Change));
        var (completedBefore, completed) = await ChangeAsync(workflow.Id, "WorkflowCompleted");
        Assert.Equal(("running", "completed"), (Text(completedBefore, "workflow.status"), Text(completed, "workflow.status")));
        var (stageBefore, stageAfter) = await ChangeAsync(workflow.Id, "StageCompleted");
        Assert.Equal(("active", "completed"), (Text(stageBefore, "stage.status"), Text(stageAfter, "stage.status")));
    }

    [Fact]
    public async Task TheDatabaseRefusesToUpdateOrDeleteJournalRows()
    {
        var workflow = await _harness.StartOnAsync(TestTemplates.MunicipalWithOutcomes);
        var rows = (await _harness.JournalAsync(workflow.Id)).Count;
        await using var db = _harness.NewDbContext();

        await Assert.ThrowsAnyAsync<Exception>(() => db.Database.ExecuteSqlRawAsync("UPDATE journal SET detail = 'rewritten'"));
        await Assert.ThrowsAnyAsync<Exception>(() => db.Database.ExecuteSqlRawAsync("DELETE FROM journal"));
        db.Journal.Remove(await db.Journal.FirstAsync(j => j.WorkflowId == workflow.Id));
        await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());

        var journal = await _harness.JournalAsync(workflow.Id);
        Assert.Equal(rows, journal.Count);
        Assert.DoesNotContain(journal, j => j.Detail == "rewritten");
    }
}

[Trait("Category", "Unit")]
public sealed class StructuredJournalTestsOnSqlite() : StructuredJournalTests(EngineDatabase.Sqlite);

[Trait("Category", "Postgres")]
public sealed class StructuredJournalTestsOnPostgres() : StructuredJournalTests(EngineDatabase.Postgres);
