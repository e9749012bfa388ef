using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Shizhu.Workflows.Access;
using Shizhu.Workflows.Events;
using Shizhu.Workflows.Journal;
using Shizhu.Workflows.Persistence;
using Shizhu.Workflows.Runtime.Idempotency;
using Shizhu.Workflows.Runtime.Model;
using Shizhu.Workflows.Runtime.Tasks;
using Shizhu.Workflows.Supervision;

namespace Shizhu.Workflows.Runtime.Townships;

/// <summary>催办 a township's creation work as a whole, with a message.</summary>
public sealed record UrgeTownship(string? Message);

/// <summary>
/// 催办 of a township (ADR 0037): recorded once, journaled in each of its running workflows (whose revisions it bumps,
/// so two racing urges commit one after the other and the second meets the gap), and announced
/// (<see cref="TownshipUrged"/>) to the township's leader and staff with its open and overdue task counts.
/// </summary>
public sealed class TownshipUrging(WorkflowDbContext db, IdempotencyLedger ledger, Urging urging)
{
    public const string CommandName = "urge-township";

    /// <summary>The idempotency ledger keys requests by a resource id; a township's is derived from its code, stably.</summary>
    public static Guid ResourceId(string townshipCode) =>
        new(System.Security.Cryptography.MD5.HashData(System.Text.Encoding.UTF8.GetBytes("township:" + townshipCode)));

    public Task<UrgeView> UrgeAsync(string townshipCode, UrgeTownship command, Actor actor, string? idempotencyKey, CancellationToken ct)
    {
        var message = Urging.CheckMessage(command.Message);
        return ledger.RunAsync(actor, CommandRequest.For(CommandName, ResourceId(townshipCode), idempotencyKey, command), async changes =>
        {
            if (!Urging.MayUrge(actor)) throw WorkflowException.Forbidden("只有县爱卫办、县领导和县政府督查办可以催办。");
            var township = await db.Townships.AsNoTracking().SingleOrDefaultAsync(t => t.Code == townshipCode, ct)
                ?? throw WorkflowException.NotFound("乡镇不存在。");
            var running = await db.Workflows.Where(w => w.TownshipCode == townshipCode && w.Status == WorkflowStatus.Running).ToListAsync(ct);
            if (running.Count == 0) throw WorkflowException.Conflict($"{township.Name}没有进行中的创建工作流，无需催办。");
            await urging.EnsureGapAsync(townshipCode, null, changes.Now, ct);

            var open = await db.Tasks.AsNoTracking().Where(t => t.TownshipCode == townshipCode && t.Status == UserTaskStatus.Open)
                .Select(t => t.Overdue).ToListAsync(ct);
            var urge = new Urge
            {
                Id = changes.NewId(), TownshipCode = townshipCode, WorkflowId = running.Count == 1 ? running[0].Id : null, Message = message,
                UrgedBy = actor.UserName, UrgedByName = actor.DisplayName, UrgedAt = changes.Now,
            };
            changes.AddRow(urge);
            foreach (var workflow in running)
            {
                workflow.Revision++;
                changes.Journal(workflow.Id, JournalKind.TownshipUrged, $"催办{township.Name}创建工作：{message}")
                    .After["urge"] = new JsonObject { ["id"] = urge.Id, ["townshipCode"] = townshipCode, ["message"] = message, ["by"] = actor.Name };
            }
            changes.Raise(id => new TownshipUrged(id, changes.Now, urge.Id, townshipCode, township.Name, message,
                open.Count, open.Count(o => o), actor.UserName, actor.Name, urge.WorkflowId));
            return new UrgeView(urge.Id, townshipCode, urge.WorkflowId, null, message, urge.UrgedBy, urge.UrgedByName, urge.UrgedAt,
                await urging.NextAllowedAsync(urge.UrgedAt, ct));
        }, ct);
    }
}
