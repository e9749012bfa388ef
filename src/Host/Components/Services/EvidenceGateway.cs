using System.Security.Claims;
using Shizhu.Host.Identity;
using Shizhu.Workflows.Evidence;
using Shizhu.Workflows.Persistence;
using Shizhu.Workflows.Templates;
using Shizhu.Workflows.Runtime;
using Shizhu.Workflows.Runtime.Workflows;

namespace Shizhu.Host.Components.Services;

/// <summary>
/// The task page's and the workflow page's evidence and workflow-control calls, through <see cref="EngineGateway.RunAsync{T}"/>
/// (a DI scope per call), kept beside the gateway so that each feature adds its own file.
/// </summary>
public static class EvidenceGateway
{
    /// <summary>Takes back one's own upload; throws <see cref="WorkflowException"/> when the engine refuses.</summary>
    public static Task<EvidenceView> RemoveEvidenceAsync(
        this EngineGateway engine, ClaimsPrincipal user, Guid taskId, Guid evidenceId, string idempotencyKey, CancellationToken ct) =>
        engine.RunAsync(sp => sp.GetRequiredService<EvidenceRemover>().RemoveAsync(taskId, evidenceId, user.ToActor(), idempotencyKey, ct));

    /// <summary>Every file of the workflow the user may see, newest first; null when the workflow is not theirs to see.</summary>
    public static Task<IReadOnlyList<WorkflowEvidenceView>?> WorkflowEvidenceAsync(
        this EngineGateway engine, ClaimsPrincipal user, Guid workflowId, CancellationToken ct) =>
        engine.RunAsync(sp => sp.GetRequiredService<EvidenceQueries>().ListForWorkflowAsync(user.ToActor(), workflowId, ct));

    /// <summary>A template version's Chinese name (市级卫生乡镇创建), for pages that would otherwise show its key.</summary>
    public static Task<string?> TemplateNameAsync(this EngineGateway engine, string templateKey, int version, CancellationToken ct) =>
        engine.RunAsync<string?>(async sp =>
            (await sp.GetRequiredService<TemplateCatalog>().GetAsync(sp.GetRequiredService<WorkflowDbContext>(), templateKey, version, ct)).Name);

    /// <summary>终止、暂停、恢复 with the reason the county office gave; throws <see cref="WorkflowException"/> when the engine refuses.</summary>
    public static Task ControlWorkflowAsync(
        this EngineGateway engine, ClaimsPrincipal user, Guid workflowId, WorkflowAction action, string reason, string idempotencyKey, CancellationToken ct) =>
        engine.RunAsync<object>(async sp =>
        {
            var control = sp.GetRequiredService<WorkflowControl>();
            var actor = user.ToActor();
            return action switch
            {
                WorkflowAction.Cancel => await control.CancelAsync(workflowId, new CancelWorkflow(reason), actor, idempotencyKey, ct),
                WorkflowAction.Suspend => await control.SuspendAsync(workflowId, new SuspendWorkflow(reason), actor, idempotencyKey, ct),
                _ => await control.ResumeAsync(workflowId, new ResumeWorkflow(reason), actor, idempotencyKey, ct),
            };
        });
}

/// <summary>The county office's hand on a whole workflow, as the workflow page offers it.</summary>
public enum WorkflowAction { Cancel, Suspend, Resume }
