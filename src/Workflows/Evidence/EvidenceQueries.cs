using Microsoft.EntityFrameworkCore;
using Shizhu.Workflows.Access;
using Shizhu.Workflows.Persistence;
using Shizhu.Workflows.Templates;

namespace Shizhu.Workflows.Evidence;

/// <summary>
/// Reading a task's evidence within the task's boundary (its township, or its department for a department's
/// task): for anyone else the task's evidence does not exist.
/// </summary>
public sealed partial class EvidenceQueries(WorkflowDbContext db, TemplateCatalog catalog)
{
    /// <summary>The task's evidence, oldest first; null when the actor cannot see the task.</summary>
    public async Task<IReadOnlyList<EvidenceView>?> ListAsync(Actor actor, Guid taskId, CancellationToken ct)
    {
        if (!await CanSeeTaskAsync(actor, taskId, ct)) return null;
        var files = await db.EvidenceFiles.AsNoTracking().Where(e => e.TaskId == taskId)
            .OrderBy(e => e.UploadedAt).ThenBy(e => e.Id).ToListAsync(ct);
        return [.. files.Select(EvidenceView.From)];
    }

    /// <summary>One evidence file of the task, with its storage path; null when missing or not the actor's to see.</summary>
    public async Task<EvidenceFile?> FindAsync(Actor actor, Guid taskId, Guid evidenceId, CancellationToken ct)
    {
        var file = await db.EvidenceFiles.AsNoTracking().SingleOrDefaultAsync(e => e.Id == evidenceId && e.TaskId == taskId, ct);
        if (file is null) return null;
        // The file's township answers for most callers without reading the task; department staff need the task's department.
        return actor.CanSeeTownship(file.TownshipCode) || await CanSeeTaskAsync(actor, taskId, ct) ? file : null;
    }

    private async Task<bool> CanSeeTaskAsync(Actor actor, Guid taskId, CancellationToken ct)
    {
        var task = await db.Tasks.AsNoTracking().Where(t => t.Id == taskId)
            .Select(t => new { t.TownshipCode, t.DepartmentCode }).SingleOrDefaultAsync(ct);
        return task is not null && actor.CanSeeTask(task.TownshipCode, task.DepartmentCode);
    }
}
