using Microsoft.EntityFrameworkCore;
using Shizhu.Workflows.Access;
using Shizhu.Workflows.Persistence;

namespace Shizhu.Workflows.Evidence;

/// <summary>Reading a task's evidence, within the township boundary: another township's evidence does not exist.</summary>
public sealed class EvidenceQueries(WorkflowDbContext db)
{
    /// <summary>The task's evidence, oldest first; null when the actor cannot see the task.</summary>
    public async Task<IReadOnlyList<EvidenceView>?> ListAsync(Actor actor, Guid taskId, CancellationToken ct)
    {
        var township = await db.Tasks.AsNoTracking().Where(t => t.Id == taskId).Select(t => t.TownshipCode).SingleOrDefaultAsync(ct);
        if (township is null || !actor.CanSeeTownship(township)) return null;
        var files = await db.EvidenceFiles.AsNoTracking().Where(e => e.TaskId == taskId)
            .OrderBy(e => e.UploadedAt).ThenBy(e => e.Id).ToListAsync(ct);
        return [.. files.Select(EvidenceView.From)];
    }

    /// <summary>One evidence file of the task, with its storage path; null when missing or not the actor's to see.</summary>
    public async Task<EvidenceFile?> FindAsync(Actor actor, Guid taskId, Guid evidenceId, CancellationToken ct)
    {
        var file = await db.EvidenceFiles.AsNoTracking().SingleOrDefaultAsync(e => e.Id == evidenceId && e.TaskId == taskId, ct);
        return file is not null && actor.CanSeeTownship(file.TownshipCode) ? file : null;
    }
}
