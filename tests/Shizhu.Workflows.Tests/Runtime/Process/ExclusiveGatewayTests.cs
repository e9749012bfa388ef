using System.Text.Json;
using Shizhu.Workflows.Events;
using Shizhu.Workflows.Runtime.Model;
using Shizhu.Workflows.Tests.Infrastructure;

using Shizhu.Workflows.Tests.Infrastructure.Databases;
using Shizhu.Workflows.Runtime.Tasks;

namespace Shizhu.Workflows.Tests.Runtime.Process;

/// <summary><see cref="ProcessTemplates.ExclusiveChoice"/>: score ≥ 60 → pass, score ≥ 90 → distinction, else rework (the default).</summary>
public abstract class ExclusiveGatewayTests(EngineDatabase database) : IAsyncLifetime
{
    private EngineHarness _harness = null!;

    public async Task InitializeAsync() => _harness = await EngineHarness.CreateAsync(database);

    public async Task DisposeAsync() => await _harness.DisposeAsync();

    private async Task<Guid> AssessAsync(bool withDefault, int score)
    {
        var workflow = await _harness.StartOnAsync(ProcessTemplates.ExclusiveChoice(withDefault));
        var assess = await _harness.OpenTaskAsync(workflow.Id, "assess");
        using var data = JsonDocument.Parse($$"""{"score":{{score}}}""");
        await _harness.CompleteAsync(assess.Id, TestActors.CountyAdmin, new CompleteTask(null, data.RootElement, null));
        return workflow.Id;
    }

    private async Task<List<string>> OpenTaskKeysAsync(Guid workflowId) =>
        [.. (await _harness.TasksAsync(workflowId)).Where(t => t.Status == UserTaskStatus.Open).Select(t => t.ElementId)];

    [Theory]
    [InlineData(75, "pass")]
    [InlineData(95, "pass")] // both conditions hold: the first flow in template order wins
    [InlineData(60, "pass")]
    [InlineData(59, "rework")] // none holds: the default, although it is listed before the conditional flows
    public async Task TheFirstFlowWhoseConditionHoldsIsTakenElseTheDefault(int score, string next)
    {
        var workflowId = await AssessAsync(withDefault: true, score);

        Assert.Equal([next], await OpenTaskKeysAsync(workflowId));
        Assert.Single(await _harness.TokensAsync(workflowId));
        Assert.Empty(await _harness.IncidentsAsync(workflowId));
        await TokenInvariants.AssertHoldAsync(_harness, workflowId);
    }

    [Fact]
    public async Task WhenNoConditionHoldsAndThereIsNoDefaultTheGatewayRaisesAnIncident()
    {
        var workflowId = await AssessAsync(withDefault: false, score: 30);

        Assert.Empty(await OpenTaskKeysAsync(workflowId));
        var token = Assert.Single(await _harness.TokensAsync(workflowId));
        Assert.Equal(("choose", TokenState.Incident), (token.ElementId, token.State));
        var incident = Assert.Single(await _harness.IncidentsAsync(workflowId));
        Assert.Equal(("choose", token.Id, (DateTimeOffset?)null), (incident.ElementId, incident.TokenId, incident.ResolvedAt));
        var raised = Assert.Single(await _harness.EventsAsync<IncidentRaised>());
        Assert.Equal((workflowId, "choose", incident.Error), (raised.WorkflowId, raised.ElementId, raised.Error));
        Assert.Equal(WorkflowStatus.Running, (await _harness.WorkflowAsync(workflowId)).Status);
        await TokenInvariants.AssertHoldAsync(_harness, workflowId);
    }

    [Fact]
    public async Task WithoutADefaultAHoldingConditionStillDecides()
    {
        var workflowId = await AssessAsync(withDefault: false, score: 90);

        Assert.Equal(["pass"], await OpenTaskKeysAsync(workflowId));
        Assert.Empty(await _harness.IncidentsAsync(workflowId));
    }
}

[Trait("Category", "Unit")]
public sealed class ExclusiveGatewayTestsOnSqlite() : ExclusiveGatewayTests(EngineDatabase.Sqlite);

[Trait("Category", "Postgres")]
public sealed class ExclusiveGatewayTestsOnPostgres() : ExclusiveGatewayTests(EngineDatabase.Postgres);
