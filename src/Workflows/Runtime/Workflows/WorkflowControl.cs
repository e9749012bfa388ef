using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Shizhu.Workflows.Access;
using Shizhu.Workflows.Events;
using Shizhu.Workflows.Journal;
using Shizhu.Workflows.Persistence;
using Shizhu.Workflows.Runtime.Idempotency;
using Shizhu.Workflows.Runtime.Model;
using Shizhu.Workflows.Runtime.Queries;

namespace Shizhu.Workflows.Runtime.Workflows;

/// <summary>
/// The county office's hand on a whole workflow: cancel (open tasks cancelled, pending timers stopped), suspend
/// (nothing moves: task changes are refused, due timers stay pending) and resume (due timers are woken again).
/// </summary>
/// <remarks>The commands are one file each (<c>CancelWorkflow.cs</c>, <c>SuspendWorkflow.cs</c>, <c>ResumeWorkflow.cs</c>); this part holds what they share.</remarks>
public sealed partial class WorkflowControl(WorkflowDbContext db, IdempotencyLedger ledger)
{
    private const int MaxReasonLength = 500;

    private Task<WorkflowSummary> RunAsync(Guid workflowId, Actor actor, CommandRequest request, string verb,
        Func<WorkflowInstance, EngineChanges, Task> change, CancellationToken ct)
    {
        if (!actor.IsInRole(Roles.CountyAdmin)) throw WorkflowException.Forbidden($"只有县爱卫办可以{verb}创建工作流。");
        return ledger.RunAsync(actor, request, async changes =>
        {
            var workflow = await db.Workflows.SingleOrDefaultAsync(w => w.Id == workflowId, ct)
                ?? throw WorkflowException.NotFound("创建工作流不存在。");
            await change(workflow, changes);
            workflow.Revision++;
            return WorkflowSummary.From(workflow);
        }, ct);
    }

    private static string? Reason(string? reason)
    {
        if (string.IsNullOrWhiteSpace(reason)) return null;
        var trimmed = reason.Trim();
        return trimmed.Length > MaxReasonLength
            ? throw WorkflowException.Invalid("reason", $"原因不能超过 {MaxReasonLength} 字。")
            : trimmed;
    }
}
