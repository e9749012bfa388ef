using Shizhu.Workflows.Access;
using Shizhu.Workflows.Events;
using Shizhu.Workflows.Runtime;
using Shizhu.Workflows.Runtime.Model;
using Shizhu.Workflows.Runtime.Queries;
using Shizhu.Workflows.Tests.Infrastructure;

using Shizhu.Workflows.Tests.Infrastructure.Databases;
using Shizhu.Workflows.Journal;

namespace Shizhu.Workflows.Tests.Runtime;

/// <summary>Idempotency-Key on every command: same key, command, resource and body answer the first result.</summary>
public abstract class IdempotentCommandsTests(EngineDatabase database) : IAsyncLifetime
{
    private EngineHarness _harness = null!;
    private WorkflowInstance _workflow = null!;
    private WorkflowTask _task = null!;

    public async Task InitializeAsync()
    {
        _harness = await EngineHarness.CreateAsync(database);
        _workflow = await _harness.StartAsync(TownshipCodes.Shijia);
        _task = await _harness.OpenTaskAsync(_workflow.Id, "leading-group");
    }

    public async Task DisposeAsync() => await _harness.DisposeAsync();

    [Fact]
    public async Task RepeatingAClaimWithTheSameKeyAnswersTheFirstResultEvenAfterTheTaskWasReleased()
    {
        var first = await _harness.ClaimAsync(_task.Id, TestActors.ShijiaStaff, key: "claim-1");
        await _harness.ReleaseAsync(_task.Id, TestActors.ShijiaStaff);
        var outbox = (await _harness.OutboxAsync()).Count;
        _harness.Clock.Advance(TimeSpan.FromMinutes(5));

        var repeat = await _harness.ClaimAsync(_task.Id, TestActors.ShijiaStaff, key: "claim-1");

        Assert.Equal(first, repeat);
        Assert.Null((await _harness.TaskAsync(_task.Id)).Assignee);
        Assert.Equal(outbox, (await _harness.OutboxAsync()).Count);
    }

    [Fact]
    public async Task RepeatingASuspensionWithTheSameKeyAnswersTheFirstResultAndRaisesNothingMore()
    {
        var first = await _harness.SuspendAsync(_workflow.Id, key: "suspend-1");
        await _harness.ResumeAsync(_workflow.Id);

        var repeat = await _harness.SuspendAsync(_workflow.Id, key: "suspend-1");

        Assert.Equal((first, WorkflowStatus.Suspended), (repeat, repeat.Status));
        Assert.Equal(WorkflowStatus.Running, (await _harness.WorkflowAsync(_workflow.Id)).Status);
        Assert.Single(await _harness.EventsAsync<WorkflowSuspended>());
    }

    [Fact]
    public async Task RepeatingACancellationWithTheSameKeyAnswersTheFirstResultInsteadOfAConflict()
    {
        var first = await _harness.CancelAsync(_workflow.Id, key: "cancel-1");

        var repeat = await _harness.CancelAsync(_workflow.Id, key: "cancel-1");

        Assert.Equal(first, repeat);
        Assert.Single(await _harness.EventsAsync<WorkflowCancelled>());
        Assert.Single(await _harness.JournalAsync(_workflow.Id), j => j.Kind == JournalKind.WorkflowCancelled);
    }

    [Fact]
    public async Task AKeyUsedForAnotherCommandOrResourceIsUnprocessableAndChangesNothing()
    {
        var workPlan = await _harness.OpenTaskAsync(_workflow.Id, "work-plan");
        await _harness.ClaimAsync(_task.Id, TestActors.ShijiaStaff, key: "k-1");

        var otherCommand = await Assert.ThrowsAsync<WorkflowException>(() => _harness.ReleaseAsync(_task.Id, TestActors.ShijiaStaff, key: "k-1"));
        var otherTask = await Assert.ThrowsAsync<WorkflowException>(() => _harness.ClaimAsync(workPlan.Id, TestActors.ShijiaStaff, key: "k-1"));
        var completion = await Assert.ThrowsAsync<WorkflowException>(() => _harness.CompleteAsync(_task.Id, TestActors.ShijiaStaff, idempotencyKey: "k-1"));

        Assert.All([otherCommand, otherTask, completion], e => Assert.Equal((WorkflowErrorKind.Unprocessable, "Idempotency-Key"), (e.Kind, e.Field)));
        Assert.Equal(TestActors.ShijiaStaff.UserName, (await _harness.TaskAsync(_task.Id)).Assignee);
        Assert.Null((await _harness.TaskAsync(workPlan.Id)).Assignee);
    }

    [Fact]
    public async Task KeysBelongToTheirUserSoTwoUsersMayUseTheSameOne()
    {
        var colleague = new Actor("staff-2", TestActors.ShijiaStaff.Roles, TownshipCodes.Shijia);
        var workPlan = await _harness.OpenTaskAsync(_workflow.Id, "work-plan");

        await _harness.ClaimAsync(_task.Id, TestActors.ShijiaStaff, key: "same");
        var theirs = await _harness.ClaimAsync(workPlan.Id, colleague, key: "same");

        Assert.Equal(colleague.UserName, theirs.Assignee);
        Assert.Equal(2, (await _harness.EventsAsync<TaskAssigned>()).Count);
    }

    [Fact]
    public async Task TwoRequestsWithTheSameKeyRacingBothAnswerTheOneClaim()
    {
        TaskView? rival = null;
        _harness.Rival.BeforeNextSave(async () => rival = await _harness.ClaimAsync(_task.Id, TestActors.ShijiaStaff, key: "race"));

        var answer = await _harness.ClaimAsync(_task.Id, TestActors.ShijiaStaff, key: "race");

        Assert.Equal(rival, answer);
        Assert.Single(await _harness.EventsAsync<TaskAssigned>());
    }

    [Fact]
    public async Task AKeyLongerThan100CharactersIsInvalidForEveryCommand()
    {
        var key = new string('k', 101);

        var claim = await Assert.ThrowsAsync<WorkflowException>(() => _harness.ClaimAsync(_task.Id, TestActors.ShijiaStaff, key));
        var suspend = await Assert.ThrowsAsync<WorkflowException>(() => _harness.SuspendAsync(_workflow.Id, key: key));
        var import = await Assert.ThrowsAsync<WorkflowException>(() => _harness.ImportPlanAsync([new(TownshipCodes.Jinling, "municipal", 2022, null)], key: key));

        Assert.All([claim, suspend, import], e => Assert.Equal("Idempotency-Key", e.Field));
        Assert.Equal(WorkflowStatus.Running, (await _harness.WorkflowAsync(_workflow.Id)).Status);
    }
}

[Trait("Category", "Unit")]
public sealed class IdempotentCommandsTestsOnSqlite() : IdempotentCommandsTests(EngineDatabase.Sqlite);

[Trait("Category", "Postgres")]
public sealed class IdempotentCommandsTestsOnPostgres() : IdempotentCommandsTests(EngineDatabase.Postgres);
