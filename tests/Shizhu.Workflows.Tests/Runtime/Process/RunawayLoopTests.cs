using Shizhu.Workflows.Events;
using Shizhu.Workflows.Runtime.Model;
using Shizhu.Workflows.Tests.Infrastructure;

using Shizhu.Workflows.Tests.Infrastructure.Databases;

namespace Shizhu.Workflows.Tests.Runtime.Process;

/// <summary>A template that loops without ever waiting (<see cref="ProcessTemplates.LoopWithoutWaiting"/>) must not hang the engine.</summary>
public abstract class RunawayLoopTests(EngineDatabase database) : IAsyncLifetime
{
    private EngineHarness _harness = null!;

    public async Task InitializeAsync() => _harness = await EngineHarness.CreateAsync(database);

    public async Task DisposeAsync() => await _harness.DisposeAsync();

    [Fact(Timeout = 30_000)]
    public async Task ALoopWithoutAWaitingPointStopsInAnIncidentInsteadOfHanging()
    {
        var workflow = await _harness.StartOnAsync(ProcessTemplates.LoopWithoutWaiting());

        var token = Assert.Single(await _harness.TokensAsync(workflow.Id));
        Assert.Equal(TokenState.Incident, token.State);
        var incident = Assert.Single(await _harness.IncidentsAsync(workflow.Id));
        Assert.Equal(token.Id, incident.TokenId);
        Assert.Contains("步数过多", incident.Error);
        Assert.Single(await _harness.EventsAsync<IncidentRaised>());
        // It went round the loop many times before the guard stopped it, within one command.
        Assert.InRange((int?)(await _harness.VariablesAsync(workflow.Id))["spins"] ?? 0, 1_000, 5_000);
        Assert.Equal(WorkflowStatus.Running, (await _harness.WorkflowAsync(workflow.Id)).Status);
    }

    [Fact(Timeout = 30_000)]
    public async Task RetryingARunawayLoopStopsItAgain()
    {
        var workflow = await _harness.StartOnAsync(ProcessTemplates.LoopWithoutWaiting());
        var first = Assert.Single(await _harness.IncidentsAsync(workflow.Id));

        await _harness.RetryAsync(first.Id);

        var incidents = await _harness.IncidentsAsync(workflow.Id);
        Assert.Equal(2, incidents.Count);
        Assert.Single(incidents, i => i.ResolvedAt is null);
        Assert.Equal(TokenState.Incident, Assert.Single(await _harness.TokensAsync(workflow.Id)).State);
    }

    [Fact(Timeout = 30_000)]
    public async Task TwoRunawayLoopsSideBySideStopInOneIncidentEachAndStrandNoToken()
    {
        var workflow = await _harness.StartOnAsync(ProcessTemplates.TwoLoopsWithoutWaiting());

        var tokens = await _harness.TokensAsync(workflow.Id);
        Assert.Equal(2, tokens.Count);
        Assert.All(tokens, t => Assert.Equal(TokenState.Incident, t.State));
        var incidents = await _harness.IncidentsAsync(workflow.Id);
        Assert.Equal(tokens.Select(t => t.Id).Order(), incidents.Select(i => i.TokenId).Order());
        await TokenInvariants.AssertHoldAsync(_harness, workflow.Id);
    }
}

[Trait("Category", "Unit")]
public sealed class RunawayLoopTestsOnSqlite() : RunawayLoopTests(EngineDatabase.Sqlite);

[Trait("Category", "Postgres")]
public sealed class RunawayLoopTestsOnPostgres() : RunawayLoopTests(EngineDatabase.Postgres);
