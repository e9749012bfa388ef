using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Shizhu.Host.Tests.Infrastructure;
using Shizhu.Workflows.Persistence;
using Shizhu.Workflows.Persistence.Postgres;
using Shizhu.Workflows.Runtime.Model;
using Shizhu.Workflows.Runtime.Process;

namespace Shizhu.Host.Tests.Persistence;

/// <summary>
/// On PostgreSQL a task command reads its task, workflow, stages, tokens and pending timers in one hand-written
/// batch instead of EF Core queries. It must read exactly what EF Core reads — every mapped column of every row —
/// and the write must hold every change the command made, to tracked rows and to the stages and tokens it leaves
/// untracked alike, or a completion would write wrong data or miss a change; and the evidence requirements it reads
/// as having a file must be those EF Core finds.
/// </summary>
[Collection(HostCollection.Name)]
[Trait("Category", "Postgres")]
[Trait("Category", "Broker")]
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
            // The Host pairs PostgreSQL with its own store at composition; the engine core never checks the provider.
            Assert.IsType<PostgresWorkflowStore>(batchScope.ServiceProvider.GetRequiredService<IWorkflowStore>());
            var batch = await batchScope.ServiceProvider.GetRequiredService<WorkflowStateLoader>().LoadTaskAsync(taskId, CancellationToken.None);

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
            // The task, workflow and timers are tracked; the stages and tokens wait untracked until the write.
            Assert.Equal(1 + 1 + timers.Count, batchDb.ChangeTracker.Entries().Count());
        }
        finally
        {
            await scenario.CancelAsync(fixture);
        }
    }

    [Fact]
    public async Task CompletionsThatMoveTokensAndStagesWriteEveryChange()
    {
        var scenario = await Scenario.StartAsync(fixture);
        try
        {
            using var staff = await fixture.LoginAsync(scenario.StaffUser, HostFixture.UserPassword);
            var workflowId = Guid.Parse(scenario.WorkflowId);
            // The publicity stage: two tasks in parallel, then the meeting, then the letters; the last completion ends
            // the stage and enters the next. After every completion the database must hold where the workflow is.
            var completions = 0;
            for (var round = 0; round < 3; round++)
            {
                var open = (await staff.GetJsonAsync("/api/inbox")).Items().Where(i => i.Str("workflowId") == scenario.WorkflowId).ToList();
                Assert.NotEmpty(open);
                foreach (var task in open)
                {
                    await staff.CompleteWithEvidenceAsync(task.Str("id"), new { comment = "已完成" });
                    completions++;
                    await AssertStoredStateIsConsistentAsync(workflowId);
                }
            }
            Assert.Equal(4, completions);

            await using var scope = fixture.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<WorkflowDbContext>();
            var stages = await db.Stages.AsNoTracking().Where(s => s.WorkflowId == workflowId).OrderBy(s => s.Order).ToListAsync();
            Assert.Equal((StageStatus.Completed, true), (stages[0].Status, stages[0].CompletedAt is not null));
            Assert.Equal((StageStatus.Active, true), (stages[1].Status, stages[1].EnteredAt is not null));
        }
        finally
        {
            await scenario.CancelAsync(fixture);
        }
    }

    /// <summary>
    /// Where the municipal workflow can be in its first two stages: a token at every open task and nowhere else, but
    /// for the publicity join, which holds the token of one parallel task while the other is open (the join consumes
    /// it when the second arrives: a write that missed the delete would leave it there). The stages up to the current
    /// one are completed, the current one active, the rest pending.
    /// </summary>
    private async Task AssertStoredStateIsConsistentAsync(Guid workflowId)
    {
        await using var scope = fixture.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<WorkflowDbContext>();
        var workflow = await db.Workflows.AsNoTracking().Include(w => w.Stages).Include(w => w.Tokens).Include(w => w.Tasks).SingleAsync(w => w.Id == workflowId);
        var open = workflow.Tasks.Where(t => t.Status == UserTaskStatus.Open).ToList();
        var expected = open.Select(t => (t.ElementId, t.TokenId)).ToList();
        var parallelDone = workflow.Tasks.Count(t => t.ElementId is "leading-group" or "work-plan" && t.Status == UserTaskStatus.Completed);
        if (parallelDone == 1) expected.Add(("publicity-join", null));
        Assert.Equal(expected.Select(e => e.ElementId).Order(), workflow.Tokens.Select(t => t.ElementId).Order());
        Assert.All(open, t => Assert.Contains(workflow.Tokens, token => token.Id == t.TokenId && token.ElementId == t.ElementId));

        var current = workflow.Stages.Single(s => s.Key == workflow.CurrentStageKey);
        Assert.Equal(StageStatus.Active, current.Status);
        Assert.All(workflow.Stages.Where(s => s.Order < current.Order), s => Assert.Equal(StageStatus.Completed, s.Status));
        Assert.All(workflow.Stages.Where(s => s.Order > current.Order), s => Assert.Equal(StageStatus.Pending, s.Status));
    }

    [Fact]
    public async Task AnUnknownTaskReadsAsNothing()
    {
        await using var scope = fixture.Services.CreateAsyncScope();
        Assert.Null(await scope.ServiceProvider.GetRequiredService<WorkflowStateLoader>().LoadTaskAsync(Guid.NewGuid(), CancellationToken.None));
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
