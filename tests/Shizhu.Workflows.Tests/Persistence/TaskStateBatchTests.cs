using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Shizhu.Workflows.Persistence;
using Shizhu.Workflows.Persistence.Postgres;
using Shizhu.Workflows.Runtime.Model;
using Shizhu.Workflows.Runtime.Process;
using Shizhu.Workflows.Tests.Infrastructure;
using Shizhu.Workflows.Tests.Infrastructure.Databases;
using Shizhu.Workflows.Runtime.Tasks;

namespace Shizhu.Workflows.Tests.Persistence;

/// <summary>
/// On PostgreSQL a task command reads its task, workflow, stages, tokens and pending timers in one hand-written
/// batch instead of EF Core queries. It must read exactly what EF Core reads — every mapped column of every row —
/// and the write must hold every change the command made, to tracked rows and to the stages and tokens it leaves
/// untracked alike, or a completion would write wrong data or miss a change; and the evidence requirements it reads
/// as having a file must be those EF Core finds. PostgreSQL only: on SQLite the store reads through EF Core itself.
/// </summary>
[Trait("Category", "Postgres")]
public sealed class TaskStateBatchTests : IAsyncLifetime
{
    private EngineHarness _harness = null!;

    public async Task InitializeAsync() => _harness = await EngineHarness.CreateAsync(EngineDatabase.Postgres);

    public async Task DisposeAsync() => await _harness.DisposeAsync();

    [Fact]
    public async Task TheBatchReadsEveryMappedColumnOfTheRowsEfCoreReads()
    {
        var workflow = await _harness.StartAsync(TownshipCodes.Shijia);
        var taskId = (await _harness.OpenTaskAsync(workflow.Id, "leading-group")).Id;
        var uploaded = await _harness.UploadRequiredEvidenceAsync(taskId, TestActors.ShijiaStaff);

        await using var batchScope = _harness.CreateScope();
        var batchDb = batchScope.ServiceProvider.GetRequiredService<WorkflowDbContext>();
        Assert.IsType<PostgresWorkflowDbContext>(batchDb);
        // The harness pairs PostgreSQL with its own store where it registers the context; the engine core never checks the provider.
        Assert.IsType<PostgresWorkflowStore>(batchScope.ServiceProvider.GetRequiredService<IWorkflowStore>());
        var batch = await batchScope.ServiceProvider.GetRequiredService<WorkflowStateLoader>().LoadTaskAsync(taskId, CancellationToken.None);

        await using var efDb = _harness.NewDbContext();
        var task = await efDb.Tasks.AsNoTracking().SingleAsync(t => t.Id == taskId);
        var stored = await efDb.Workflows.AsNoTracking().Include(w => w.Stages).Include(w => w.Tokens).SingleAsync(w => w.Id == task.WorkflowId);
        var timers = await efDb.Timers.AsNoTracking().Where(t => t.TaskId == taskId && t.FiredAt == null && t.CancelledAt == null).ToListAsync();
        var onFile = await efDb.EvidenceFiles.AsNoTracking().Where(e => e.TaskId == taskId).Select(e => e.Requirement).Distinct().ToListAsync();

        Assert.NotNull(batch);
        Assert.NotEmpty(timers);
        Assert.NotEmpty(stored.Tokens);
        AssertSameColumns(efDb, task, batch.Task);
        AssertSameColumns(efDb, stored, batch.Workflow);
        AssertSameRows(efDb, stored.Stages, batch.Workflow.Stages, s => s.Key);
        AssertSameRows(efDb, stored.Tokens, batch.Workflow.Tokens, t => t.Id.ToString());
        AssertSameRows(efDb, timers, batch.OpenTimers, t => t.Id.ToString());
        Assert.True(uploaded > 0);
        Assert.Equal(onFile.Order(), batch.EvidenceOnFile!.Order());
        Assert.All(batchDb.ChangeTracker.Entries(), e => Assert.Equal(EntityState.Unchanged, e.State));
        // The task, workflow and timers are tracked; the stages and tokens wait untracked until the write.
        Assert.Equal(1 + 1 + timers.Count, batchDb.ChangeTracker.Entries().Count());
    }

    [Fact]
    public async Task CompletionsThatMoveTokensAndStagesWriteEveryChange()
    {
        var workflowId = (await _harness.StartAsync(TownshipCodes.Shijia)).Id;
        // The publicity stage: two tasks in parallel, then the meeting, then the letters; the last completion ends
        // the stage and enters the next. After every completion the database must hold where the workflow is.
        var completions = 0;
        for (var round = 0; round < 3; round++)
        {
            var open = (await _harness.TasksAsync(workflowId)).Where(t => t.Status == UserTaskStatus.Open).ToList();
            Assert.NotEmpty(open);
            foreach (var task in open)
            {
                await _harness.CompleteWithEvidenceAsync(task.Id, TestActors.AbleToComplete(task), new CompleteTask(null, null, "已完成"));
                completions++;
                await AssertStoredStateIsConsistentAsync(workflowId);
            }
        }
        Assert.Equal(4, completions);

        var stages = await _harness.StagesAsync(workflowId);
        Assert.Equal((StageStatus.Completed, true), (stages[0].Status, stages[0].CompletedAt is not null));
        Assert.Equal((StageStatus.Active, true), (stages[1].Status, stages[1].EnteredAt is not null));
    }

    /// <summary>
    /// Where the municipal workflow can be in its first two stages: a token at every open task and nowhere else, but
    /// for the publicity join, which holds the token of one parallel task while the other is open (the join consumes
    /// it when the second arrives: a write that missed the delete would leave it there). The stages up to the current
    /// one are completed (but for the departments' guidance while its tasks are open), the current one active, the rest pending.
    /// </summary>
    private async Task AssertStoredStateIsConsistentAsync(Guid workflowId)
    {
        await using var db = _harness.NewDbContext();
        var workflow = await db.Workflows.AsNoTracking().Include(w => w.Stages).Include(w => w.Tokens).Include(w => w.Tasks).SingleAsync(w => w.Id == workflowId);
        var open = workflow.Tasks.Where(t => t.Status == UserTaskStatus.Open).ToList();
        // A 会签's instances share its one token (ADR 0045): one token per element and token, not per task.
        var expected = open.Select(t => (t.ElementId, t.TokenId)).Distinct().ToList();
        var parallelDone = workflow.Tasks.Count(t => t.ElementId is "leading-group" or "work-plan" && t.Status == UserTaskStatus.Completed);
        if (parallelDone == 1) expected.Add(("publicity-join", null));
        Assert.Equal(expected.Select(e => e.ElementId).Order(), workflow.Tokens.Select(t => t.ElementId).Order());
        Assert.All(open, t => Assert.Contains(workflow.Tokens, token => token.Id == t.TokenId && token.ElementId == t.ElementId));

        var current = workflow.Stages.Single(s => s.Key == workflow.CurrentStageKey);
        Assert.Equal(StageStatus.Active, current.Status);
        // The departments' guidance runs beside the creation (ADR 0026): an earlier stage is active while its tasks are open.
        Assert.All(workflow.Stages.Where(s => s.Order < current.Order),
            s => Assert.Equal(open.Any(t => t.StageKey == s.Key) ? StageStatus.Active : StageStatus.Completed, s.Status));
        Assert.All(workflow.Stages.Where(s => s.Order > current.Order), s => Assert.Equal(StageStatus.Pending, s.Status));
    }

    [Fact]
    public async Task AnUnknownTaskReadsAsNothing()
    {
        Assert.Null(await _harness.InScopeAsync<WorkflowStateLoader, TaskState?>(r => r.LoadTaskAsync(Guid.NewGuid(), CancellationToken.None)));
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
