using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Shizhu.Workflows.Access;
using Shizhu.Workflows.Persistence;
using Shizhu.Workflows.Runtime.Idempotency;
using Shizhu.Workflows.Runtime.Model;
using Shizhu.Workflows.Runtime.Process;
using Shizhu.Workflows.Runtime.Queries;
using Shizhu.Workflows.Journal;

namespace Shizhu.Workflows.Runtime.Incidents;

/// <summary>
/// An operator retries an incident: the element it stopped at runs again (and may raise a new incident). No body;
/// answers the incident, resolved.
/// </summary>
public sealed class IncidentRetry(WorkflowDbContext db, IdempotencyLedger ledger, WorkflowStateLoader process)
{
    public const string CommandName = "retry-incident";

    public Task<IncidentView> RetryAsync(Guid incidentId, Actor actor, string? idempotencyKey, CancellationToken ct)
    {
        if (!actor.IsInRole(Roles.CountyAdmin)) throw WorkflowException.Forbidden("只有县爱卫办可以处理流程异常。");
        return ledger.RunAsync(actor, CommandRequest.For<object>(CommandName, incidentId, idempotencyKey, null), async changes =>
        {
            var incident = await db.Incidents.SingleOrDefaultAsync(i => i.Id == incidentId, ct) ?? throw WorkflowException.NotFound("流程异常不存在。");
            if (incident.ResolvedAt is not null) throw WorkflowException.Conflict("该流程异常已处理。");
            var workflow = await process.LoadAsync(incident.WorkflowId, ct) ?? throw WorkflowException.NotFound("创建工作流不存在。");
            var token = workflow.Tokens.SingleOrDefault(t => t.Id == incident.TokenId && t.State == TokenState.Incident)
                ?? throw WorkflowException.Conflict("该流程异常已不在等待处理。");
            incident.ResolvedAt = changes.Now;
            incident.ResolvedBy = actor.UserName;
            workflow.Revision++;
            var journal = changes.Journal(workflow.Id, JournalKind.IncidentRetried, $"重试流程异常（{incident.ElementId}）");
            journal.Before["incident"] = new JsonObject { ["id"] = incident.Id, ["resolvedAt"] = null, ["resolvedBy"] = null };
            journal.After["incident"] = new JsonObject { ["id"] = incident.Id, ["resolvedAt"] = incident.ResolvedAt, ["resolvedBy"] = incident.ResolvedBy };
            (await process.RunnerAsync(workflow, changes, ct)).Retry(token, journal);
            return new IncidentView(incident.Id, incident.WorkflowId, workflow.TownshipCode, incident.ElementId, incident.Error,
                incident.CreatedAt, incident.ResolvedAt, incident.ResolvedBy);
        }, ct);
    }
}
