using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using Shizhu.Workflows.Evidence;
using Shizhu.Workflows.Runtime.Model;
using Shizhu.Workflows.Runtime.Process;

namespace Shizhu.Workflows.Persistence.Postgres;

/// <summary>
/// Reads a task's <see cref="TaskState"/> in one round trip on PostgreSQL: six statements in one
/// <see cref="NpgsqlBatch"/>, materialised from the EF Core model and attached to the context as unchanged, so
/// the command goes on exactly as if EF Core had queried them (its change tracker writes what the command changes).
/// EF Core itself would need three round trips and a stages × tokens join for the same rows; completing a task is
/// the engine's hottest command (docs/benchmarks.md).
/// </summary>
internal static class TaskStateBatch
{
    public static async Task<TaskState?> LoadAsync(PostgresWorkflowDbContext db, Guid taskId, CancellationToken ct)
    {
        var tasks = RowMaterializer<WorkflowTask>.For(db);
        var workflows = RowMaterializer<WorkflowInstance>.For(db);
        var stages = RowMaterializer<WorkflowStage>.For(db);
        var tokens = RowMaterializer<WorkflowToken>.For(db);
        var timers = RowMaterializer<WorkflowTimer>.For(db);
        var evidence = RowMaterializer<EvidenceFile>.For(db);
        var workflowOfTask = $"(SELECT workflow_id FROM {tasks.Table} WHERE id = $1)";

        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        await using var batch = new NpgsqlBatch(connection)
        {
            BatchCommands =
            {
                Command($"SELECT {tasks.SelectList} FROM {tasks.Table} WHERE id = $1", taskId),
                Command($"SELECT {workflows.SelectList} FROM {workflows.Table} WHERE id = {workflowOfTask}", taskId),
                Command($"SELECT {stages.SelectList} FROM {stages.Table} WHERE workflow_id = {workflowOfTask} ORDER BY key", taskId),
                Command($"SELECT {tokens.SelectList} FROM {tokens.Table} WHERE workflow_id = {workflowOfTask} ORDER BY id", taskId),
                Command($"SELECT {timers.SelectList} FROM {timers.Table} WHERE task_id = $1 AND fired_at IS NULL AND cancelled_at IS NULL", taskId),
                // For the required-evidence check of a completion: which requirements already have a file.
                Command($"SELECT DISTINCT {evidence.ColumnOf(nameof(EvidenceFile.Requirement))} FROM {evidence.Table} WHERE {evidence.ColumnOf(nameof(EvidenceFile.TaskId))} = $1", taskId),
            },
        };
        if (db.Database.CurrentTransaction?.GetDbTransaction() is NpgsqlTransaction transaction) batch.Transaction = transaction;

        // EF Core counts opens: inside an engine command this reuses the command's connection.
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            return await ReadAsync(db, batch, ct);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private static async Task<TaskState?> ReadAsync(PostgresWorkflowDbContext db, NpgsqlBatch batch, CancellationToken ct)
    {
        var tasks = RowMaterializer<WorkflowTask>.For(db);
        var workflows = RowMaterializer<WorkflowInstance>.For(db);
        var stages = RowMaterializer<WorkflowStage>.For(db);
        var tokens = RowMaterializer<WorkflowToken>.For(db);
        var timers = RowMaterializer<WorkflowTimer>.For(db);
        await using var reader = await batch.ExecuteReaderAsync(ct);
        var task = (await tasks.ReadAllAsync(reader, ct)).SingleOrDefault();
        await reader.NextResultAsync(ct);
        var workflow = (await workflows.ReadAllAsync(reader, ct)).SingleOrDefault();
        await reader.NextResultAsync(ct);
        var stageRows = await stages.ReadAllAsync(reader, ct);
        await reader.NextResultAsync(ct);
        var tokenRows = await tokens.ReadAllAsync(reader, ct);
        await reader.NextResultAsync(ct);
        var timerRows = await timers.ReadAllAsync(reader, ct);
        await reader.NextResultAsync(ct);
        var evidenceOnFile = new HashSet<string>(StringComparer.Ordinal);
        while (await reader.ReadAsync(ct)) evidenceOnFile.Add(reader.GetString(0));
        if (task is null || workflow is null) return null;

        workflow.Stages.AddRange(stageRows);
        workflow.Tokens.AddRange(tokenRows);
        // Attached as unchanged, like rows EF Core queried itself: the change tracker snapshots them now.
        db.Attach(workflow);
        db.Attach(task);
        db.AttachRange(timerRows);
        return new TaskState(task, workflow, timerRows) { EvidenceOnFile = evidenceOnFile };
    }

    private static NpgsqlBatchCommand Command(string sql, Guid taskId) => new(sql) { Parameters = { new NpgsqlParameter { Value = taskId } } };
}
