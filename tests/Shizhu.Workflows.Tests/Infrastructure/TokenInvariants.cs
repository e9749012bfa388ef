using Microsoft.EntityFrameworkCore;
using Shizhu.Workflows.Events;
using Shizhu.Workflows.Runtime.Model;
using Shizhu.Workflows.Templates;

namespace Shizhu.Workflows.Tests.Infrastructure;

/// <summary>
/// What must hold between any two commands, whatever happened before: no token lost, duplicated or stranded.
/// A token sits only where it can wait (a user task with exactly its one open task, a timer with exactly its
/// one pending timer, a message event, a join still missing a flow) or in an incident; a running workflow
/// has at least one token and a completed one none; every task row was announced once.
/// </summary>
public static class TokenInvariants
{
    /// <summary>Checks every invariant of one workflow; pass its <paramref name="template"/> to spare parsing it again.</summary>
    public static async Task AssertHoldAsync(EngineHarness harness, Guid workflowId, TemplateDefinition? template = null)
    {
        template ??= await harness.TemplateOfAsync(workflowId);
        await using var db = harness.NewDbContext();
        var workflow = await db.Workflows.AsNoTracking().SingleAsync(w => w.Id == workflowId);
        var tokens = await db.Tokens.AsNoTracking().Where(t => t.WorkflowId == workflowId).ToListAsync();
        var tasks = await db.Tasks.AsNoTracking().Where(t => t.WorkflowId == workflowId).ToListAsync();
        var pendingTimers = await db.Timers.AsNoTracking()
            .Where(t => t.WorkflowId == workflowId && t.FiredAt == null && t.CancelledAt == null).ToListAsync();
        var taskCreated = await db.Outbox.AsNoTracking().Where(m => m.Type == nameof(TaskCreated)).ToListAsync();
        var elements = template.Elements.ToDictionary(e => e.Id);
        var open = tasks.Where(t => t.Status == UserTaskStatus.Open).ToList();

        if (workflow.Status == WorkflowStatus.Completed)
        {
            Assert.Empty(tokens);
            Assert.Empty(open);
            Assert.Empty(pendingTimers);
        }
        else Assert.NotEmpty(tokens);

        foreach (var task in open)
        {
            var token = Assert.Single(tokens, t => t.Id == task.TokenId);
            Assert.Equal((task.TaskKey, TokenState.Waiting), (token.ElementId, token.State));
        }
        foreach (var token in tokens.Where(t => t.State == TokenState.Waiting))
        {
            var element = elements[token.ElementId];
            switch (element.Type)
            {
                case ElementType.UserTask:
                    Assert.Single(open, t => t.TokenId == token.Id);
                    break;
                case ElementType.TimerEvent:
                case ElementType.StartEvent when element.Due is not null:
                    Assert.Single(pendingTimers, t => t.TokenId == token.Id && t.Kind == TimerKind.TimerEvent);
                    break;
                case ElementType.MessageEvent:
                    break;
                case ElementType.ParallelGateway when template.Flows.Count(f => f.To == element.Id) > 1:
                    var incoming = template.Flows.Where(f => f.To == element.Id).Select(f => f.Key).ToHashSet();
                    var arrived = tokens.Where(t => t.ElementId == element.Id && t.State == TokenState.Waiting).Select(t => t.ArrivedBy!).ToHashSet();
                    Assert.True(arrived.IsProperSubsetOf(incoming), $"The join {element.Id} has a token on every incoming flow but did not fire.");
                    break;
                default:
                    Assert.Fail($"A token is stranded at {element.Id} ({element.Type}), where nothing waits.");
                    break;
            }
        }
        // A timer event's pending timer belongs to a token still waiting there.
        foreach (var timer in pendingTimers.Where(t => t.Kind == TimerKind.TimerEvent))
            Assert.Single(tokens, t => t.Id == timer.TokenId && t.ElementId == timer.ElementId);
        // Task timers (due, boundary) are pending only while their task is open.
        foreach (var timer in pendingTimers.Where(t => t.TaskId is not null))
            Assert.Contains(open, t => t.Id == timer.TaskId);

        var created = taskCreated.Select(EngineHarness.Deserialize<TaskCreated>).Where(e => e.WorkflowId == workflowId).Select(e => e.TaskId).ToList();
        Assert.Equal(tasks.Select(t => t.Id).Order(), created.Order());
    }
}
