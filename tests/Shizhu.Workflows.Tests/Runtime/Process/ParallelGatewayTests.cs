using System.Text.Json.Nodes;
using Shizhu.Workflows.Events;
using Shizhu.Workflows.Runtime.Model;
using Shizhu.Workflows.Tests.Infrastructure;

using Shizhu.Workflows.Tests.Infrastructure.Databases;
using Shizhu.Workflows.Runtime.Tasks;

namespace Shizhu.Workflows.Tests.Runtime.Process;

/// <summary>
/// Forks and joins, including a join inside a loop (the case Elsa gets wrong: issues #6229, #6725, #6921):
/// a join fires once per round, only when every incoming flow has brought a token, and leaves nothing behind.
/// </summary>
public abstract class ParallelGatewayTests(EngineDatabase database) : IAsyncLifetime
{
    private EngineHarness _harness = null!;

    public async Task InitializeAsync() => _harness = await EngineHarness.CreateAsync(database);

    public async Task DisposeAsync() => await _harness.DisposeAsync();

    private async Task<List<WorkflowTask>> OpenTasksAsync(Guid workflowId) =>
        [.. (await _harness.TasksAsync(workflowId)).Where(t => t.Status == UserTaskStatus.Open)];

    [Fact]
    public async Task AForkOpensEveryBranchAtOnce()
    {
        var workflow = await _harness.StartOnAsync(ProcessTemplates.ForkAndJoin());

        Assert.Equal(["a", "b", "c"], (await OpenTasksAsync(workflow.Id)).Select(t => t.ElementId).Order());
        Assert.Equal(3, (await _harness.TokensAsync(workflow.Id)).Count);
        await TokenInvariants.AssertHoldAsync(_harness, workflow.Id);
    }

    [Fact]
    public async Task AJoinWaitsForEveryIncomingFlowAndThenGoesOnOnce()
    {
        var workflow = await _harness.StartOnAsync(ProcessTemplates.ForkAndJoin());

        await _harness.CompleteAsync(workflow.Id, "c");
        await _harness.CompleteAsync(workflow.Id, "a");

        Assert.Equal(["b"], (await OpenTasksAsync(workflow.Id)).Select(t => t.ElementId));
        var tokens = await _harness.TokensAsync(workflow.Id);
        Assert.Equal(["b", "join", "join"], tokens.Select(t => t.ElementId).Order());
        Assert.Equal(["a->join", "c->join"], tokens.Where(t => t.ElementId == "join").Select(t => t.ArrivedBy).Order());
        await TokenInvariants.AssertHoldAsync(_harness, workflow.Id);

        await _harness.CompleteAsync(workflow.Id, "b");

        Assert.Equal(["after"], (await OpenTasksAsync(workflow.Id)).Select(t => t.ElementId));
        Assert.Equal("after", Assert.Single(await _harness.TokensAsync(workflow.Id)).ElementId);
        await TokenInvariants.AssertHoldAsync(_harness, workflow.Id);
        await _harness.CompleteAsync(workflow.Id, "after");
        Assert.Equal(WorkflowStatus.Completed, (await _harness.WorkflowAsync(workflow.Id)).Status);
        Assert.Single(await _harness.EventsAsync<WorkflowCompleted>());
    }

    [Theory]
    [InlineData("ab", "ba", "ab")]
    [InlineData("ba", "ba", "ba")]
    public async Task AJoinInsideALoopFiresExactlyOncePerRoundAndCreatesEachRoundsTasksOnce(string round1, string round2, string round3)
    {
        var workflow = await _harness.StartOnAsync(ProcessTemplates.JoinInsideALoop(rounds: 3));
        string[] orders = [round1, round2, round3];

        for (var round = 1; round <= 3; round++)
        {
            var open = await OpenTasksAsync(workflow.Id);
            Assert.Equal(["a", "b"], open.Select(t => t.ElementId).Order());
            Assert.Equal(2 * round, (await _harness.TasksAsync(workflow.Id)).Count);
            Assert.Equal(round - 1, RoundsOf(await _harness.VariablesAsync(workflow.Id)));

            var (first, second) = (orders[round - 1][0].ToString(), orders[round - 1][1].ToString());
            _harness.Clock.Advance(TimeSpan.FromHours(1));
            await _harness.CompleteAsync(open.Single(t => t.ElementId == first).Id, TestActors.CountyAdmin);

            // Half the round is done: the join holds one token and nothing of the next round exists yet.
            Assert.Equal([second], (await OpenTasksAsync(workflow.Id)).Select(t => t.ElementId));
            Assert.Equal(2 * round, (await _harness.TasksAsync(workflow.Id)).Count);
            Assert.Single(await _harness.TokensAsync(workflow.Id), t => t.ElementId == "join");
            await TokenInvariants.AssertHoldAsync(_harness, workflow.Id);

            await _harness.CompleteAsync(open.Single(t => t.ElementId == second).Id, TestActors.CountyAdmin);
            Assert.Equal(round, RoundsOf(await _harness.VariablesAsync(workflow.Id)));
            Assert.DoesNotContain(await _harness.TokensAsync(workflow.Id), t => t.ElementId == "join");
            await TokenInvariants.AssertHoldAsync(_harness, workflow.Id);
        }

        var done = await _harness.WorkflowAsync(workflow.Id);
        Assert.Equal(WorkflowStatus.Completed, done.Status);
        var tasks = await _harness.TasksAsync(workflow.Id);
        Assert.Equal(6, tasks.Count);
        Assert.Equal(3, tasks.Count(t => t.ElementId == "a"));
        Assert.Equal(3, tasks.Count(t => t.ElementId == "b"));
        Assert.Empty(await _harness.TokensAsync(workflow.Id));
        Assert.Equal(6, (await _harness.EventsAsync<TaskCreated>()).Count);
        Assert.Single(await _harness.EventsAsync<WorkflowCompleted>());
    }

    [Fact]
    public async Task ABranchLoopingOnItselfStillCountsOnceAtTheJoin()
    {
        var workflow = await _harness.StartOnAsync(ProcessTemplates.BranchLoopingOnItself());

        await _harness.CompleteAsync((await _harness.OpenTaskAsync(workflow.Id, "a")).Id, TestActors.CountyAdmin, new CompleteTask("redo", null, null));
        await _harness.CompleteAsync((await _harness.OpenTaskAsync(workflow.Id, "a")).Id, TestActors.CountyAdmin, new CompleteTask("redo", null, null));
        await _harness.CompleteAsync((await _harness.OpenTaskAsync(workflow.Id, "a")).Id, TestActors.CountyAdmin, new CompleteTask("done", null, null));

        // a went round three times but reached the join once; b is still open, so nothing goes on.
        Assert.Equal(["b"], (await OpenTasksAsync(workflow.Id)).Select(t => t.ElementId));
        Assert.Equal(["a-checked->join"], (await _harness.TokensAsync(workflow.Id)).Where(t => t.ElementId == "join").Select(t => t.ArrivedBy));
        await TokenInvariants.AssertHoldAsync(_harness, workflow.Id);

        await _harness.CompleteAsync(workflow.Id, "b");

        Assert.Equal(["after"], (await OpenTasksAsync(workflow.Id)).Select(t => t.ElementId));
        Assert.Single(await _harness.TokensAsync(workflow.Id));
        Assert.Equal(3, (await _harness.TasksAsync(workflow.Id)).Count(t => t.ElementId == "a"));
        await TokenInvariants.AssertHoldAsync(_harness, workflow.Id);
    }

    private static int RoundsOf(JsonObject variables) => (int?)variables["rounds"] ?? 0;
}

[Trait("Category", "Unit")]
public sealed class ParallelGatewayTestsOnSqlite() : ParallelGatewayTests(EngineDatabase.Sqlite);

[Trait("Category", "Postgres")]
public sealed class ParallelGatewayTestsOnPostgres() : ParallelGatewayTests(EngineDatabase.Postgres);
