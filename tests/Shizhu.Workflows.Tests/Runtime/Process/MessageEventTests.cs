using Shizhu.Workflows.Events;
using Shizhu.Workflows.Runtime;
using Shizhu.Workflows.Runtime.Model;
using Shizhu.Workflows.Tests.Infrastructure;

using Shizhu.Workflows.Tests.Infrastructure.Databases;
using Shizhu.Workflows.Journal;

namespace Shizhu.Workflows.Tests.Runtime.Process;

/// <summary><see cref="ProcessTemplates.MessageWait"/>: prepare → wait for message "verdict" → accepted if its result is passed, else redo.</summary>
public abstract class MessageEventTests(EngineDatabase database) : IAsyncLifetime
{
    private EngineHarness _harness = null!;
    private WorkflowInstance _workflow = null!;

    public async Task InitializeAsync()
    {
        _harness = await EngineHarness.CreateAsync(database);
        _workflow = await _harness.StartOnAsync(ProcessTemplates.MessageWait());
    }

    public async Task DisposeAsync() => await _harness.DisposeAsync();

    [Fact]
    public async Task DeliveringAMessageBeforeItIsAwaitedIsAConflictAndChangesNothing()
    {
        var outboxBefore = (await _harness.OutboxAsync()).Count;
        var variablesBefore = (await _harness.WorkflowAsync(_workflow.Id)).Variables;

        var refused = await Assert.ThrowsAsync<WorkflowException>(() => _harness.DeliverAsync(_workflow.Id, "verdict", """{"result":"passed"}"""));

        Assert.Equal(WorkflowErrorKind.Conflict, refused.Kind);
        Assert.Equal("prepare", Assert.Single(await _harness.TokensAsync(_workflow.Id)).ElementId);
        Assert.Equal(outboxBefore, (await _harness.OutboxAsync()).Count);
        Assert.Equal(variablesBefore, (await _harness.WorkflowAsync(_workflow.Id)).Variables);
        Assert.DoesNotContain("verdict", variablesBefore, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DeliveringAMessageOfAnotherNameIsAConflict()
    {
        await _harness.CompleteAsync(_workflow.Id, "prepare");

        var refused = await Assert.ThrowsAsync<WorkflowException>(() => _harness.DeliverAsync(_workflow.Id, "municipal-verdict", """{"result":"passed"}"""));

        Assert.Equal(WorkflowErrorKind.Conflict, refused.Kind);
        Assert.Equal("verdict", Assert.Single(await _harness.TokensAsync(_workflow.Id)).ElementId);
        Assert.Empty(await _harness.EventsAsync<MessageDelivered>());
    }

    [Fact]
    public async Task DeliveringTheAwaitedMessageMovesOnWithItsPayloadAsVariables()
    {
        await _harness.CompleteAsync(_workflow.Id, "prepare");
        Assert.Equal("verdict", Assert.Single(await _harness.TokensAsync(_workflow.Id)).ElementId);
        await TokenInvariants.AssertHoldAsync(_harness, _workflow.Id);

        await _harness.DeliverAsync(_workflow.Id, "verdict", """{"result":"passed","score":92.5,"inspectors":["市爱卫办"]}""");

        await _harness.OpenTaskAsync(_workflow.Id, "accepted");
        Assert.DoesNotContain(await _harness.TasksAsync(_workflow.Id), t => t.ElementId == "redo");
        var verdict = (await _harness.VariablesAsync(_workflow.Id))["verdict"]!;
        Assert.Equal(("passed", 92.5m, "市爱卫办"), ((string?)verdict["result"], (decimal?)verdict["score"], (string?)verdict["inspectors"]![0]));
        var delivered = Assert.Single(await _harness.EventsAsync<MessageDelivered>());
        Assert.Equal((_workflow.Id, "verdict", TestActors.CountyAdmin.UserName), (delivered.WorkflowId, delivered.Name, delivered.Actor));
        Assert.Contains(await _harness.JournalAsync(_workflow.Id), j => j.Kind == JournalKind.MessageDelivered);
        await TokenInvariants.AssertHoldAsync(_harness, _workflow.Id);

        var again = await Assert.ThrowsAsync<WorkflowException>(() => _harness.DeliverAsync(_workflow.Id, "verdict", """{"result":"passed"}"""));
        Assert.Equal(WorkflowErrorKind.Conflict, again.Kind);
    }

    [Fact]
    public async Task AVerdictOtherThanPassedTakesTheDefaultFlow()
    {
        await _harness.CompleteAsync(_workflow.Id, "prepare");

        await _harness.DeliverAsync(_workflow.Id, "verdict", """{"result":"failed"}""");

        await _harness.OpenTaskAsync(_workflow.Id, "redo");
        Assert.DoesNotContain(await _harness.TasksAsync(_workflow.Id), t => t.ElementId == "accepted");
    }

    [Fact]
    public async Task OnlyTheCountyOfficeMayDeliverAMessage()
    {
        await _harness.CompleteAsync(_workflow.Id, "prepare");

        var refused = await Assert.ThrowsAsync<WorkflowException>(() =>
            _harness.DeliverAsync(_workflow.Id, "verdict", """{"result":"passed"}""", TestActors.CountyLeader));

        Assert.Equal(WorkflowErrorKind.Forbidden, refused.Kind);
        Assert.Equal("verdict", Assert.Single(await _harness.TokensAsync(_workflow.Id)).ElementId);
    }

    [Theory]
    [InlineData("""[1]""", "payload")]
    [InlineData("""  "passed" """, "payload")]
    public async Task APayloadThatIsNotAnObjectIsInvalid(string payload, string field)
    {
        await _harness.CompleteAsync(_workflow.Id, "prepare");

        var refused = await Assert.ThrowsAsync<WorkflowException>(() => _harness.DeliverAsync(_workflow.Id, "verdict", payload));

        Assert.Equal((WorkflowErrorKind.Invalid, field), (refused.Kind, refused.Field));
        Assert.Equal("verdict", Assert.Single(await _harness.TokensAsync(_workflow.Id)).ElementId);
    }
}

[Trait("Category", "Unit")]
public sealed class MessageEventTestsOnSqlite() : MessageEventTests(EngineDatabase.Sqlite);

[Trait("Category", "Postgres")]
public sealed class MessageEventTestsOnPostgres() : MessageEventTests(EngineDatabase.Postgres);
