using System.Text.Json;
using System.Text.Json.Nodes;
using Shizhu.Workflows.Access;
using Shizhu.Workflows.Events;
using Shizhu.Workflows.Runtime.Idempotency;
using Shizhu.Workflows.Runtime.Model;
using Shizhu.Workflows.Runtime.Process;
using Shizhu.Workflows.Runtime.Queries;
using Shizhu.Workflows.Templates;
using Shizhu.Workflows.Journal;

namespace Shizhu.Workflows.Runtime.Messages;

/// <summary>A message from outside (e.g. <c>municipal-verdict</c> with <c>{result: "passed"}</c>) for a waiting workflow.</summary>
public sealed record DeliverMessage(string? Name, JsonElement? Payload);

/// <summary>Delivers a message from outside (the municipal office's verdict) to the workflow's waiting message event; answers the workflow's summary.</summary>
public sealed class MessageDelivery(IdempotencyLedger ledger, WorkflowStateLoader process)
{
    public const string CommandName = "deliver-message";

    public Task<WorkflowSummary> DeliverAsync(Guid workflowId, DeliverMessage command, Actor actor, string? idempotencyKey, CancellationToken ct)
    {
        if (!actor.IsInRole(Roles.CountyAdmin)) throw WorkflowException.Forbidden("只有县爱卫办可以登记外部消息。");
        var (name, payload) = (command.Name, command.Payload);
        if (string.IsNullOrWhiteSpace(name)) throw WorkflowException.Invalid("name", "请提供消息名称。");
        if (payload is { ValueKind: not (JsonValueKind.Object or JsonValueKind.Null or JsonValueKind.Undefined) })
            throw WorkflowException.Invalid("payload", "消息内容必须是 JSON 对象。");
        var body = payload is { ValueKind: JsonValueKind.Object } p ? JsonNode.Parse(p.GetRawText())!.AsObject() : [];

        return ledger.RunAsync(actor, CommandRequest.For(CommandName, workflowId, idempotencyKey, command), async changes =>
        {
            var workflow = await process.LoadAsync(workflowId, ct) ?? throw WorkflowException.NotFound("创建工作流不存在。");
            if (workflow.Status != WorkflowStatus.Running) throw WorkflowException.Conflict("该创建工作流已不在进行中。");
            var graph = ProcessGraph.For(await process.TemplateAsync(workflow, ct));
            var token = workflow.Tokens.Where(t => t.State == TokenState.Waiting
                    && graph.Elements.TryGetValue(t.ElementId, out var e) && e.Type == ElementType.MessageEvent && e.Message == name)
                .OrderBy(t => t.CreatedAt).FirstOrDefault()
                ?? throw WorkflowException.Conflict($"该创建工作流当前没有在等待消息“{name}”。");
            workflow.Revision++;
            var journal = changes.Journal(workflow.Id, JournalKind.MessageDelivered, $"收到外部消息：{name} {body.ToJsonString()}");
            changes.Raise(id => new MessageDelivered(id, changes.Now, workflow.Id, workflow.TownshipCode, workflow.TownshipName, name!, actor.UserName, actor.Name));
            (await process.RunnerAsync(workflow, changes, ct)).MessageArrived(token, body, journal);
            return WorkflowSummary.From(workflow);
        }, ct);
    }
}
