using Microsoft.Extensions.DependencyInjection;
using Shizhu.Workflows.Events;
using Shizhu.Workflows.Runtime;
using Shizhu.Workflows.Runtime.Model;
using Shizhu.Workflows.Runtime.ServiceTasks;
using Shizhu.Workflows.Tests.Infrastructure;

using Shizhu.Workflows.Tests.Infrastructure.Databases;
using Shizhu.Workflows.Journal;

namespace Shizhu.Workflows.Tests.Runtime.Process;

/// <summary>
/// <see cref="ProcessTemplates.ServiceStep"/> running the test-only <see cref="FlakyAction"/>: a failing service task
/// stops its token in an incident, and an operator's retry runs it again.
/// </summary>
public abstract class ServiceTaskIncidentTests(EngineDatabase database) : IAsyncDisposable
{
    private EngineHarness? _harness;

    public async ValueTask DisposeAsync()
    {
        if (_harness is not null) await _harness.DisposeAsync();
    }

    private async Task<(EngineHarness, WorkflowInstance)> StartAsync(FlakyAction action, string actionName = FlakyAction.ActionName)
    {
        _harness = await EngineHarness.CreateAsync(database, configure: services => services.AddSingleton<IServiceTaskAction>(action));
        return (_harness, await _harness.StartOnAsync(ProcessTemplates.ServiceStep(actionName)));
    }

    [Fact]
    public async Task AFailingServiceTaskRaisesAnIncidentAndHoldsItsToken()
    {
        var (harness, workflow) = await StartAsync(new FlakyAction(failures: 1));

        var token = Assert.Single(await harness.TokensAsync(workflow.Id));
        Assert.Equal(("run", TokenState.Incident), (token.ElementId, token.State));
        var incident = Assert.Single(await harness.IncidentsAsync(workflow.Id));
        Assert.Equal(("run", token.Id, "补助系统暂时无法连接。", (DateTimeOffset?)null), (incident.ElementId, incident.TokenId, incident.Error, incident.ResolvedAt));
        var raised = Assert.Single(await harness.EventsAsync<IncidentRaised>());
        Assert.Equal((workflow.Id, "run", incident.Error, "黄水镇"), (raised.WorkflowId, raised.ElementId, raised.Error, raised.TownshipName));
        Assert.Empty(await harness.TasksAsync(workflow.Id));
        Assert.Equal(WorkflowStatus.Running, (await harness.WorkflowAsync(workflow.Id)).Status);
        Assert.Contains(await harness.JournalAsync(workflow.Id), j => j.Kind == JournalKind.IncidentRaised);
        await TokenInvariants.AssertHoldAsync(harness, workflow.Id);
    }

    [Fact]
    public async Task RetryingAnIncidentRunsTheElementAgainAndTheWorkflowMovesOn()
    {
        var action = new FlakyAction(failures: 1);
        var (harness, workflow) = await StartAsync(action);
        var incident = Assert.Single(await harness.IncidentsAsync(workflow.Id));
        harness.Clock.Advance(TimeSpan.FromHours(2));

        await harness.RetryAsync(incident.Id);

        Assert.Equal(2, action.Runs);
        var resolved = Assert.Single(await harness.IncidentsAsync(workflow.Id));
        Assert.Equal((harness.Clock.GetUtcNow(), TestActors.CountyAdmin.UserName), (resolved.ResolvedAt, resolved.ResolvedBy));
        await harness.OpenTaskAsync(workflow.Id, "after");
        var token = Assert.Single(await harness.TokensAsync(workflow.Id));
        Assert.Equal(("after", TokenState.Waiting), (token.ElementId, token.State));
        Assert.Equal(2, (int?)(await harness.VariablesAsync(workflow.Id))["flaky"]?["runs"]);
        Assert.Contains(await harness.JournalAsync(workflow.Id), j => j.Kind == JournalKind.IncidentRetried);
        await TokenInvariants.AssertHoldAsync(harness, workflow.Id);

        var again = await Assert.ThrowsAsync<WorkflowException>(() => harness.RetryAsync(incident.Id));
        Assert.Equal(WorkflowErrorKind.Conflict, again.Kind);
        Assert.Equal(2, action.Runs);
    }

    [Fact]
    public async Task ARetryThatFailsAgainResolvesTheOldIncidentAndRaisesANewOne()
    {
        var (harness, workflow) = await StartAsync(new FlakyAction(failures: 2));
        var first = Assert.Single(await harness.IncidentsAsync(workflow.Id));

        await harness.RetryAsync(first.Id);

        var incidents = await harness.IncidentsAsync(workflow.Id);
        Assert.Equal(2, incidents.Count);
        Assert.NotNull(incidents.Single(i => i.Id == first.Id).ResolvedAt);
        Assert.Null(incidents.Single(i => i.Id != first.Id).ResolvedAt);
        Assert.Equal(TokenState.Incident, Assert.Single(await harness.TokensAsync(workflow.Id)).State);
        Assert.Equal(2, (await harness.EventsAsync<IncidentRaised>()).Count);

        await harness.RetryAsync(incidents.Single(i => i.Id != first.Id).Id);
        await harness.OpenTaskAsync(workflow.Id, "after");
    }

    [Fact]
    public async Task AServiceTaskFailingWithAnyExceptionRaisesAnIncident()
    {
        var (harness, workflow) = await StartAsync(new FlakyAction(failures: 1, () => new IOException("连接被重置。")));

        var incident = Assert.Single(await harness.IncidentsAsync(workflow.Id));
        Assert.Equal(("run", "连接被重置。"), (incident.ElementId, incident.Error));
        Assert.Equal(TokenState.Incident, Assert.Single(await harness.TokensAsync(workflow.Id)).State);
    }

    [Fact]
    public async Task AnUnknownActionRaisesAnIncident()
    {
        var (harness, workflow) = await StartAsync(new FlakyAction(failures: 0), actionName: "no-such-action");

        var incident = Assert.Single(await harness.IncidentsAsync(workflow.Id));
        Assert.Equal("run", incident.ElementId);
        Assert.Contains("no-such-action", incident.Error);
    }

    [Fact]
    public async Task OnlyTheCountyOfficeMayRetryAnIncident()
    {
        var action = new FlakyAction(failures: 1);
        var (harness, workflow) = await StartAsync(action);
        var incident = Assert.Single(await harness.IncidentsAsync(workflow.Id));

        var refused = await Assert.ThrowsAsync<WorkflowException>(() => harness.RetryAsync(incident.Id, TestActors.CountyLeader));

        Assert.Equal(WorkflowErrorKind.Forbidden, refused.Kind);
        Assert.Equal(1, action.Runs);
        Assert.Null(Assert.Single(await harness.IncidentsAsync(workflow.Id)).ResolvedAt);
    }
}

[Trait("Category", "Unit")]
public sealed class ServiceTaskIncidentTestsOnSqlite() : ServiceTaskIncidentTests(EngineDatabase.Sqlite);

[Trait("Category", "Postgres")]
public sealed class ServiceTaskIncidentTestsOnPostgres() : ServiceTaskIncidentTests(EngineDatabase.Postgres);
