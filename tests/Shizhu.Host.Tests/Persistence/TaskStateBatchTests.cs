using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Shizhu.Host.Tests.Infrastructure;
using Shizhu.Workflows.Persistence;
using Shizhu.Workflows.Persistence.Postgres;
using Shizhu.Workflows.Runtime.Process;

namespace Shizhu.Host.Tests.Persistence;

/// <summary>
/// On PostgreSQL a task command reads its task, workflow, stages, tokens and pending timers in one hand-written
/// batch instead of EF Core queries. It must read exactly what EF Core reads — every mapped column of every row —
/// and leave the rows tracked as unchanged, or a completion would write wrong data or miss a change; and the
/// evidence requirements it reads as having a file must be those EF Core finds.
/// </summary>
[Collection(HostCollection.Name)]
public sealed class TaskStateBatchTests(HostFixture fixture)
{
    [Fact]
    public async Task TheBatchReadsEveryMappedColumnOfTheRowsEfCoreReads()
    {
        var scenario = await Scenario.StartAsync(fixture);
        try
        {
            using var staff = await fixture.LoginAsync(scenario.StaffUser, HostFixture.UserPassword);
            var taskId = Guid.Parse((await staff.GetJsonAsync("/api/inbox")).Items().First(i => i.Str("workflowId") == scenario.WorkflowId).Str("id"));
            var uploaded = await staff.UploadRequiredEvidenceAsync(taskId.ToString());

            await using var batchScope = fixture.Services.CreateAsyncScope();
            var batchDb = batchScope.ServiceProvider.GetRequiredService<WorkflowDbContext>();
            Assert.IsType<PostgresWorkflowDbContext>(batchDb);
            var batch = await batchScope.ServiceProvider.GetRequiredService<ProcessRuntime>().LoadTaskAsync(taskId, CancellationToken.None);

            await using var efScope = fixture.Services.CreateAsyncScope();
            var efDb = efScope.ServiceProvider.GetRequiredService<WorkflowDbContext>();
            var task = await efDb.Tasks.AsNoTracking().SingleAsync(t => t.Id == taskId);
            var workflow = await efDb.Workflows.AsNoTracking().Include(w => w.Stages).Include(w => w.Tokens).SingleAsync(w => w.Id == task.WorkflowId);
            var timers = await efDb.Timers.AsNoTracking().Where(t => t.TaskId == taskId && t.FiredAt == null && t.CancelledAt == null).ToListAsync();
            var onFile = await efDb.EvidenceFiles.AsNoTracking().Where(e => e.TaskId == taskId).Select(e => e.Requirement).Distinct().ToListAsync();

            Assert.NotNull(batch);
            Assert.NotEmpty(timers);
            Assert.NotEmpty(workflow.Tokens);
            AssertSameColumns(efDb, task, batch.Task);
            AssertSameColumns(efDb, workflow, batch.Workflow);
            AssertSameRows(efDb, workflow.Stages, batch.Workflow.Stages, s => s.Key);
            AssertSameRows(efDb, workflow.Tokens, batch.Workflow.Tokens, t => t.Id.ToString());
            AssertSameRows(efDb, timers, batch.OpenTimers, t => t.Id.ToString());
            Assert.NotEmpty(uploaded);
            Assert.Equal(onFile.Order(), batch.EvidenceOnFile!.Order());
            Assert.All(batchDb.ChangeTracker.Entries(), e => Assert.Equal(EntityState.Unchanged, e.State));
            Assert.Equal(1 + 1 + workflow.Stages.Count + workflow.Tokens.Count + timers.Count, batchDb.ChangeTracker.Entries().Count());
        }
        finally
        {
            await scenario.CancelAsync(fixture);
        }
    }

    [Fact]
    public async Task AnUnknownTaskReadsAsNothing()
    {
        await using var scope = fixture.Services.CreateAsyncScope();
        Assert.Null(await scope.ServiceProvider.GetRequiredService<ProcessRuntime>().LoadTaskAsync(Guid.NewGuid(), CancellationToken.None));
    }

    private static void AssertSameRows<T>(DbContext db, IEnumerable<T> expected, IEnumerable<T> actual, Func<T, string> key) where T : class
    {
        var byKey = actual.ToDictionary(key);
        Assert.Equal(expected.Select(key).Order(), byKey.Keys.Order());
        foreach (var row in expected) AssertSameColumns(db, row, byKey[key(row)]);
    }

    private static void AssertSameColumns<T>(DbContext db, T expected, T actual) where T : class
    {
        foreach (var property in db.Model.FindEntityType(typeof(T))!.GetProperties())
        {
            var info = property.PropertyInfo!;
            Assert.True(Equals(info.GetValue(expected), info.GetValue(actual)),
                $"{typeof(T).Name}.{property.Name}: EF Core read {info.GetValue(expected) ?? "null"}, the batch {info.GetValue(actual) ?? "null"}");
        }
    }
}
