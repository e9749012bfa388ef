using Microsoft.EntityFrameworkCore;
using Shizhu.Workflows.Access;
using Shizhu.Workflows.Evidence;
using Shizhu.Workflows.Plans;
using Shizhu.Workflows.Runtime;
using Shizhu.Workflows.Runtime.Model;
using Shizhu.Workflows.Runtime.Queries;
using Shizhu.Workflows.Runtime.Tasks;
using Shizhu.Workflows.Runtime.Workflows;

namespace Shizhu.Workflows.Tests.Infrastructure;

/// <summary>The task, workflow, plan and evidence commands, each in its own scope as one HTTP request would run them.</summary>
public static class EngineCommands
{
    public static Task<TaskView> ClaimAsync(this EngineHarness h, Guid taskId, Actor actor, string? key = null) =>
        h.InScopeAsync<TaskAssignment, TaskView>(a => a.ClaimAsync(taskId, actor, key, CancellationToken.None));

    public static Task<TaskView> ReleaseAsync(this EngineHarness h, Guid taskId, Actor actor, string? key = null) =>
        h.InScopeAsync<TaskAssignment, TaskView>(a => a.ReleaseAsync(taskId, actor, key, CancellationToken.None));

    public static Task<TaskView> AssignAsync(this EngineHarness h, Guid taskId, Actor assignee, Actor actor, string? key = null) =>
        h.InScopeAsync<TaskAssignment, TaskView>(a => a.AssignAsync(taskId, assignee, actor, key, CancellationToken.None));

    public static Task<WorkflowSummary> CancelAsync(this EngineHarness h, Guid workflowId, Actor? actor = null, string? reason = null, string? key = null) =>
        h.InScopeAsync<WorkflowControl, WorkflowSummary>(c =>
            c.CancelAsync(workflowId, new CancelWorkflow(reason), actor ?? TestActors.CountyAdmin, key, CancellationToken.None));

    public static Task<WorkflowSummary> SuspendAsync(this EngineHarness h, Guid workflowId, Actor? actor = null, string? reason = null, string? key = null) =>
        h.InScopeAsync<WorkflowControl, WorkflowSummary>(c =>
            c.SuspendAsync(workflowId, new SuspendWorkflow(reason), actor ?? TestActors.CountyAdmin, key, CancellationToken.None));

    public static Task<WorkflowSummary> ResumeAsync(this EngineHarness h, Guid workflowId, Actor? actor = null, string? key = null) =>
        h.InScopeAsync<WorkflowControl, WorkflowSummary>(c => c.ResumeAsync(workflowId, actor ?? TestActors.CountyAdmin, key, CancellationToken.None));

    public static Task<PlanImportResult> ImportPlanAsync(this EngineHarness h, IReadOnlyList<ImportPlanEntry?>? entries, Actor? actor = null, string? key = null) =>
        h.InScopeAsync<PlanImporter, PlanImportResult>(i => i.ImportAsync(new ImportPlan(entries), actor ?? TestActors.CountyAdmin, key, CancellationToken.None));

    /// <summary>The seed's plan (行事历) as import entries, in the order of the county's annex.</summary>
    public static async Task<List<ImportPlanEntry?>> SeededPlanAsync(this EngineHarness h)
    {
        await using var db = h.NewDbContext();
        var rows = await db.PlanEntries.AsNoTracking().ToListAsync();
        return [.. rows.OrderBy(p => p.StartYear).ThenBy(p => p.TownshipCode)
            .Select(p => (ImportPlanEntry?)new ImportPlanEntry(p.TownshipCode, p.Track, p.StartYear, p.TargetYear))];
    }

    public static async Task<EvidenceView> UploadAsync(this EngineHarness h, Guid taskId, byte[] content, string? fileName = "work-plan.pdf",
        Actor? actor = null, string? requirement = "work-plan", string? key = null)
    {
        await using var stream = new MemoryStream(content, writable: false);
        return await h.UploadAsync(taskId, stream, fileName, actor, requirement, key);
    }

    public static Task<EvidenceView> UploadAsync(this EngineHarness h, Guid taskId, Stream content, string? fileName,
        Actor? actor = null, string? requirement = "work-plan", string? key = null) =>
        h.InScopeAsync<EvidenceUploader, EvidenceView>(u => u.UploadAsync(taskId, new UploadEvidence(requirement, fileName), content,
            actor ?? TestActors.ShijiaStaff, key, CancellationToken.None));

    /// <summary>
    /// Uploads a small PDF for each requirement that completing the task with <paramref name="outcome"/> (default: its
    /// first) needs, as a township does before completing; answers how many files it uploaded.
    /// </summary>
    public static async Task<int> UploadRequiredEvidenceAsync(this EngineHarness h, Guid taskId, Actor actor, string? outcome = null)
    {
        var task = await h.QueryAsync(q => q.GetTaskAsync(actor, taskId, CancellationToken.None)) ?? throw new InvalidOperationException($"Task {taskId} is not visible.");
        var needed = task.Evidence.Where(r => r.IsRequiredFor(outcome ?? task.Outcomes.FirstOrDefault())).ToList();
        foreach (var requirement in needed)
            await h.UploadAsync(taskId, SampleFiles.Pdf, $"{requirement.Key}.pdf", actor, requirement.Key);
        return needed.Count;
    }

    /// <summary>Completes the task as <see cref="EngineHarness.CompleteAsync(Guid, Actor, CompleteTask?, string?)"/> does, its required evidence uploaded first.</summary>
    public static async Task<TaskView> CompleteWithEvidenceAsync(this EngineHarness h, Guid taskId, Actor actor, CompleteTask? command = null, string? idempotencyKey = null)
    {
        await h.UploadRequiredEvidenceAsync(taskId, actor, command?.Outcome);
        return await h.CompleteAsync(taskId, actor, command, idempotencyKey);
    }

    /// <summary>
    /// Completes the task as a good year would decide it: its required evidence first, then its template's first outcome
    /// (同意, 通过), chosen here explicitly because the engine refuses to choose one for anybody.
    /// </summary>
    public static async Task<TaskView> CompleteAsDecidedAsync(this EngineHarness h, WorkflowTask task, string? comment = null) =>
        await h.CompleteWithEvidenceAsync(task.Id, TestActors.AbleToComplete(task), new CompleteTask(await h.FirstOutcomeAsync(task), null, comment));

    /// <summary>The first outcome the task's template element offers, or null when it offers none.</summary>
    public static async Task<string?> FirstOutcomeAsync(this EngineHarness h, WorkflowTask task)
    {
        var template = await h.TemplateOfAsync(task.WorkflowId);
        var outcomes = template.Elements.Single(e => e.Id == task.ElementId).Outcomes;
        return outcomes is { Count: > 0 } ? outcomes[0] : null;
    }

    public static Task<IReadOnlyList<EvidenceView>?> EvidenceAsync(this EngineHarness h, Guid taskId, Actor actor) =>
        h.InScopeAsync<EvidenceQueries, IReadOnlyList<EvidenceView>?>(q => q.ListAsync(actor, taskId, CancellationToken.None));

    public static async Task<List<EvidenceFile>> EvidenceRowsAsync(this EngineHarness h)
    {
        await using var db = h.NewDbContext();
        return await db.EvidenceFiles.AsNoTracking().ToListAsync();
    }
}
