using Microsoft.EntityFrameworkCore;
using Shizhu.Workflows.Access;

namespace Shizhu.Workflows.Evidence;

/// <summary>
/// One evidence file as the county office reviews it on the workflow page (评审佐证材料): the file, the task it was
/// uploaded for and the requirement it answers, in the template's words. <see cref="UploadedBy"/> is the user name;
/// the Host shows the display name.
/// </summary>
public sealed record WorkflowEvidenceView(
    Guid Id, Guid TaskId, string TaskTitle, string StageKey, string Requirement, string RequirementLabel, string FileName,
    string ContentType, long Size, string UploadedBy, DateTimeOffset UploadedAt);

public sealed partial class EvidenceQueries
{
    /// <summary>
    /// Every evidence file of the workflow the actor may see, newest first; null when the workflow is not theirs to
    /// see. A department's staff see the files of their department's tasks only, as they see those tasks only.
    /// </summary>
    public async Task<IReadOnlyList<WorkflowEvidenceView>?> ListForWorkflowAsync(Actor actor, Guid workflowId, CancellationToken ct)
    {
        var workflow = await db.Workflows.AsNoTracking().Where(w => w.Id == workflowId)
            .Select(w => new { w.TownshipCode, w.TemplateKey, w.TemplateVersion }).SingleOrDefaultAsync(ct);
        if (workflow is null || !actor.CanSeeTownship(workflow.TownshipCode) && actor.ConfinedToDepartment is null) return null;
        var rows = await (from e in db.EvidenceFiles.AsNoTracking()
                          join t in db.Tasks.AsNoTracking() on e.TaskId equals t.Id
                          where e.WorkflowId == workflowId
                          orderby e.UploadedAt descending, e.Id
                          select new { File = e, t.Title, t.StageKey, t.ElementId, t.TownshipCode, t.DepartmentCode }).ToListAsync(ct);
        var template = await catalog.GetAsync(db, workflow.TemplateKey, workflow.TemplateVersion, ct);
        string Label(string elementId, string key) =>
            template.Elements.FirstOrDefault(e => e.Id == elementId)?.Evidence?.FirstOrDefault(r => r.Key == key)?.Label ?? key;
        return [.. rows.Where(r => actor.CanSeeTask(r.TownshipCode, r.DepartmentCode)).Select(r => new WorkflowEvidenceView(
            r.File.Id, r.File.TaskId, r.Title, r.StageKey, r.File.Requirement, Label(r.ElementId, r.File.Requirement), r.File.FileName,
            r.File.ContentType, r.File.Size, r.File.UploadedBy, r.File.UploadedAt))];
    }
}
