using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using Shizhu.Workflows.Evidence;
using Shizhu.Workflows.Runtime.Model;
using Shizhu.Workflows.Runtime.Process;

namespace Shizhu.Workflows.Persistence.Postgres;

/// <summary>
/// Reads a task's <see cref="TaskState"/> in one round trip on PostgreSQL: four statements in one
/// <see cref="NpgsqlBatch"/>, materialised from the EF Core model. The task, workflow and timers are tracked as
/// unchanged, the workflow's stages and tokens through <see cref="UntrackedChildren"/>, so the command goes on
/// exactly as if EF Core had queried them and the write holds exactly what the command changed.
/// EF Core itself would need three round trips and a stages × tokens join for the same rows; completing a task is
/// the engine's hottest command (docs/benchmarks.md).
/// </summary>
internal static class TaskStateBatch
{
    private static readonly ConcurrentDictionary<IModel, Readers> ByModel = new();

    public static async Task<TaskState?> LoadAsync(DbContext db, Guid taskId, CancellationToken ct)
    {
        var readers = ByModel.GetOrAdd(db.Model, _ => new Readers(db));
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        await using var batch = new NpgsqlBatch(connection);
        foreach (var sql in readers.Statements)
            batch.BatchCommands.Add(new NpgsqlBatchCommand(sql) { Parameters = { new NpgsqlParameter { Value = taskId } } });
        if (db.Database.CurrentTransaction?.GetDbTransaction() is NpgsqlTransaction transaction) batch.Transaction = transaction;

        // EF Core counts opens: inside an engine command this reuses the command's connection.
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            return await ReadAsync(db, readers, batch, ct);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private static async Task<TaskState?> ReadAsync(DbContext db, Readers readers, NpgsqlBatch batch, CancellationToken ct)
    {
        await using var reader = await batch.ExecuteReaderAsync(ct);
        WorkflowTask? task = null;
        WorkflowInstance? workflow = null;
        var evidenceOnFile = new HashSet<string>(StringComparer.Ordinal);
        if (await reader.ReadAsync(ct))
        {
            task = readers.Tasks.Read(reader);
            workflow = readers.Workflows.Read(reader, readers.Tasks.ColumnCount);
            evidenceOnFile.UnionWith(reader.GetFieldValue<string[]>(readers.Tasks.ColumnCount + readers.Workflows.ColumnCount));
        }
        await reader.NextResultAsync(ct);
        var stageRows = await readers.Stages.ReadAllAsync(reader, ct);
        await reader.NextResultAsync(ct);
        var tokenRows = await readers.Tokens.ReadAllAsync(reader, ct);
        await reader.NextResultAsync(ct);
        var timerRows = await readers.Timers.ReadAllAsync(reader, ct);
        if (task is null || workflow is null) return null;

        workflow.Stages.AddRange(stageRows);
        workflow.Tokens.AddRange(tokenRows);
        // The workflow, task and timers are tracked as unchanged, like rows EF Core queried itself, one entry at a time
        // (Attach would walk the graph). The stages and tokens are not tracked: the workflow's collection snapshots,
        // taken now, hold them, and the store's UntrackedChildren hands EF Core those the command changes just before the write.
        Track(db, workflow);
        Track(db, task);
        foreach (var timer in timerRows) Track(db, timer);
        return new TaskState(task, workflow, timerRows) { EvidenceOnFile = evidenceOnFile };
    }

    private static void Track(DbContext db, object entity) => db.Entry(entity).State = EntityState.Unchanged;

    /// <summary>The row readers and the batch's statements (each with the task id as <c>$1</c>), built once per model.</summary>
    private sealed class Readers
    {
        public Readers(DbContext db)
        {
            Tasks = RowMaterializer<WorkflowTask>.For(db);
            Workflows = RowMaterializer<WorkflowInstance>.For(db);
            Stages = RowMaterializer<WorkflowStage>.For(db);
            Tokens = RowMaterializer<WorkflowToken>.For(db);
            Timers = RowMaterializer<WorkflowTimer>.For(db);
            var evidence = RowMaterializer<EvidenceFile>.For(db);
            // Every name from the EF Core model, as the migrations map it.
            var taskId = Tasks.ColumnOf(nameof(WorkflowTask.Id));
            var taskWorkflowId = Tasks.ColumnOf(nameof(WorkflowTask.WorkflowId));
            var workflowOfTask = $"(SELECT {taskWorkflowId} FROM {Tasks.Table} WHERE {taskId} = $1)";
            Statements =
            [
                // The task with its workflow, and which of the task's evidence requirements already have a file (for the
                // required-evidence check of a completion): one row.
                $"SELECT {Tasks.SelectListOf("t")}, {Workflows.SelectListOf("w")}, "
                    + $"ARRAY(SELECT DISTINCT e.{evidence.ColumnOf(nameof(EvidenceFile.Requirement))} FROM {evidence.Table} e WHERE e.{evidence.ColumnOf(nameof(EvidenceFile.TaskId))} = $1) "
                    + $"FROM {Tasks.Table} t JOIN {Workflows.Table} w ON w.{Workflows.ColumnOf(nameof(WorkflowInstance.Id))} = t.{taskWorkflowId} WHERE t.{taskId} = $1",
                $"SELECT {Stages.SelectList} FROM {Stages.Table} WHERE {Stages.ColumnOf(nameof(WorkflowStage.WorkflowId))} = {workflowOfTask} "
                    + $"ORDER BY {Stages.ColumnOf(nameof(WorkflowStage.Key))}",
                $"SELECT {Tokens.SelectList} FROM {Tokens.Table} WHERE {Tokens.ColumnOf(nameof(WorkflowToken.WorkflowId))} = {workflowOfTask} "
                    + $"ORDER BY {Tokens.ColumnOf(nameof(WorkflowToken.Id))}",
                $"SELECT {Timers.SelectList} FROM {Timers.Table} WHERE {Timers.ColumnOf(nameof(WorkflowTimer.TaskId))} = $1 "
                    + $"AND {Timers.ColumnOf(nameof(WorkflowTimer.FiredAt))} IS NULL AND {Timers.ColumnOf(nameof(WorkflowTimer.CancelledAt))} IS NULL",
            ];
        }

        public RowMaterializer<WorkflowTask> Tasks { get; }
        public RowMaterializer<WorkflowInstance> Workflows { get; }
        public RowMaterializer<WorkflowStage> Stages { get; }
        public RowMaterializer<WorkflowToken> Tokens { get; }
        public RowMaterializer<WorkflowTimer> Timers { get; }
        public IReadOnlyList<string> Statements { get; }
    }
}
