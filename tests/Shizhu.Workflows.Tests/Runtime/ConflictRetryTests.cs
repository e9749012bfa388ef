using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Shizhu.Workflows.Persistence;
using Shizhu.Workflows.Runtime;
using Shizhu.Workflows.Tests.Infrastructure;
using Shizhu.Workflows.Tests.Infrastructure.Databases;

namespace Shizhu.Workflows.Tests.Runtime;

/// <summary>
/// Many commands on one workflow at once (completions of its different tasks) all change the workflow row, so all
/// but one lose each optimistic-concurrency race. The engine retries them with jittered back-off (ADR 0023): with
/// 48 at once on PostgreSQL none of them may end in a conflict. PostgreSQL only: it is where commands run truly
/// concurrently (SQLite serialises its writers).
/// </summary>
[Trait("Category", "Postgres")]
public sealed class ConflictRetryTests : IAsyncLifetime
{
    private const int Clients = 48;
    private EngineHarness _harness = null!;

    public async Task InitializeAsync() => _harness = await EngineHarness.CreateAsync(EngineDatabase.Postgres);

    public async Task DisposeAsync() => await _harness.DisposeAsync();

    [Fact]
    public async Task FortyEightConcurrentCommandsOnOneWorkflowAllSucceedWithoutAConflict()
    {
        var workflowId = (await _harness.StartAsync(TownshipCodes.Shijia)).Id;
        var before = (await _harness.WorkflowAsync(workflowId)).Revision;

        using var start = new SemaphoreSlim(0, Clients);
        var commands = Enumerable.Range(0, Clients).Select(i => Task.Run(async () =>
        {
            await using var scope = _harness.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<WorkflowDbContext>();
            var runner = scope.ServiceProvider.GetRequiredService<EngineCommandRunner>();
            await start.WaitAsync();
            // What every completion does to its workflow: read it, change it, and commit against its revision.
            return await runner.RunAsync($"client-{i}", async _ =>
            {
                var workflow = await db.Workflows.SingleAsync(w => w.Id == workflowId);
                workflow.Revision++;
                return workflow.Revision;
            }, CancellationToken.None);
        })).ToList();
        start.Release(Clients);
        var outcomes = await Task.WhenAll(commands.Select(async c =>
        {
            try
            {
                await c;
                return "ok";
            }
            catch (WorkflowException e) when (e.Kind == WorkflowErrorKind.Conflict)
            {
                return "conflict";
            }
        }));

        Assert.Equal(0, outcomes.Count(o => o == "conflict"));
        Assert.Equal(before + Clients, (await _harness.WorkflowAsync(workflowId)).Revision);
    }
}
