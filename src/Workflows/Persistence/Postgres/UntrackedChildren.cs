using Microsoft.EntityFrameworkCore;
using Shizhu.Workflows.Runtime.Model;

namespace Shizhu.Workflows.Persistence.Postgres;

/// <summary>
/// The stages and tokens <see cref="TaskStateBatch"/> read, left untracked (held by <see cref="PostgresWorkflowStore"/>): EF Core's tracking of an entity (entry,
/// original-value snapshot, navigation fix-up) and its change detection cost more than the whole rest of a
/// completion's client work for the two dozen rows a workflow holds, and a completion changes one or two of them
/// (docs/benchmarks.md, ADR 0017). The batch keeps what each row held when it was read; just before the write,
/// <see cref="TrackChanges"/> hands EF Core the rows the command changed — as modified, with the values read as
/// their originals — and the tokens it took out of the workflow, as deleted. Rows the command adds are tracked by
/// EF Core as always: the workflow is tracked, and its collections' snapshots already hold the rows read, so
/// EF Core mistakes none of those for new ones.
/// </summary>
internal sealed class UntrackedChildren(
    WorkflowInstance workflow, List<(WorkflowStage Row, object?[] Read)> stages, List<(WorkflowToken Row, object?[] Read)> tokens)
{
    public static UntrackedChildren Read(DbContext db, WorkflowInstance workflow)
    {
        var stageRows = RowMaterializer<WorkflowStage>.For(db);
        var tokenRows = RowMaterializer<WorkflowToken>.For(db);
        return new UntrackedChildren(workflow,
            [.. workflow.Stages.Select(s => (s, stageRows.Snapshot(s)))],
            [.. workflow.Tokens.Select(t => (t, tokenRows.Snapshot(t)))]);
    }

    /// <summary>Tracks what the command changed among the rows read; nothing if the context has let go of the workflow since.</summary>
    public void TrackChanges(DbContext db)
    {
        // A context that cleared its tracker since the read (a failed or retried command) has nothing of this read to write.
        if (db.Entry(workflow).State == EntityState.Detached) return;
        var stageRows = RowMaterializer<WorkflowStage>.For(db);
        foreach (var (stage, read) in stages) TrackChanged(db, stage, read, stageRows);

        var tokenRows = RowMaterializer<WorkflowToken>.For(db);
        var remaining = workflow.Tokens.ToHashSet(ReferenceEqualityComparer.Instance);
        foreach (var (token, read) in tokens)
        {
            if (remaining.Contains(token))
            {
                TrackChanged(db, token, read, tokenRows);
                continue;
            }
            // Taken out of the workflow: a token that left the process is deleted, as EF Core deletes an orphan.
            var entry = db.Entry(token);
            if (entry.State == EntityState.Detached) entry.State = EntityState.Deleted;
        }
    }

    private static void TrackChanged<T>(DbContext db, T row, object?[] read, RowMaterializer<T> rows) where T : class
    {
        var changed = rows.ChangedSince(row, read).ToList();
        if (changed.Count == 0) return;
        var entry = db.Entry(row);
        if (entry.State != EntityState.Detached) return;
        entry.State = EntityState.Unchanged;
        foreach (var (property, original) in changed)
        {
            var value = entry.Property(property);
            value.OriginalValue = original;
            value.IsModified = true;
        }
    }
}
