using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Shizhu.Host.Tests.Infrastructure;
using Shizhu.Workflows.Persistence;
using Shizhu.Workflows.Runtime;

namespace Shizhu.Host.Tests.Reliability;

/// <summary>
/// Many commands on one workflow at once (completions of its different tasks) all change the workflow row, so all
/// but one lose each optimistic-concurrency race. The engine retries them with jittered back-off (ADR 0023): with
/// 48 at once on PostgreSQL none of them may end in a conflict.
/// </summary>
[Collection(HostCollection.Name)]
public sealed class ConflictRetryTests(HostFixture fixture)
{
    private const int Clients = 48;

    [Fact]
    public async Task FortyEightConcurrentCommandsOnOneWorkflowAllSucceedWithoutAConflict()
    {
        var scenario = await Scenario.StartAsync(fixture);
        var workflowId = Guid.Parse(scenario.WorkflowId);
        int before;
        await using (var scope = fixture.Services.CreateAsyncScope())
            before = (await scope.ServiceProvider.GetRequiredService<WorkflowDbContext>().Workflows.AsNoTracking().SingleAsync(w => w.Id == workflowId)).Revision;

        using var start = new SemaphoreSlim(0, Clients);
        var commands = Enumerable.Range(0, Clients).Select(i => Task.Run(async () =>
        {
            await using var scope = fixture.Services.CreateAsyncScope();
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
        await using (var scope = fixture.Services.CreateAsyncScope())
        {
            var after = (await scope.ServiceProvider.GetRequiredService<WorkflowDbContext>().Workflows.AsNoTracking().SingleAsync(w => w.Id == workflowId)).Revision;
            Assert.Equal(before + Clients, after);
        }
        await scenario.CancelAsync(fixture);
    }
}
