using Shizhu.Workflows.Runtime.Model;
using Shizhu.Workflows.Templates;

namespace Shizhu.Workflows.Tests.Infrastructure;

/// <summary>
/// What must hold between any two commands, whatever happened before: no token lost, duplicated or stranded.
/// A token sits only where it can wait (a user task with exactly its one open task, a timer with exactly its
/// one pending timer, a message event, a join still missing a flow) or in an incident; a running workflow
/// has at least one token and a completed one none (announced once); no element holds two tokens; an incident holds exactly its token; every task row was announced once.
/// </summary>
public static class TokenInvariants
{
    /// <summary>Checks every invariant of one workflow; pass its <paramref name="template"/> to spare parsing it again.</summary>
    public static async Task AssertHoldAsync(EngineHarness harness, Guid workflowId, TemplateDefinition? template = null) =>
        AssertHold(await ProcessSnapshot.ReadAsync(harness, workflowId), template ?? await harness.TemplateOfAsync(workflowId));

    public static void AssertHold(ProcessSnapshot snapshot, TemplateDefinition template)
    {
        var (workflow, tokens, tasks, pendingTimers) = (snapshot.Workflow, snapshot.Tokens, snapshot.Tasks, snapshot.PendingTimers);
        var elements = template.Elements.ToDictionary(e => e.Id);
        var open = snapshot.OpenTasks.ToList();

        if (workflow.Status == WorkflowStatus.Completed)
        {
            Assert.Empty(tokens);
            Assert.Empty(open);
            Assert.Empty(pendingTimers);
        }
        else Assert.NotEmpty(tokens);
        Assert.Equal(workflow.Status == WorkflowStatus.Completed ? 1 : 0, snapshot.CompletionsAnnounced);

        // The templates under test are safe (1-bounded): an element holds at most one token, a join one per incoming flow.
        foreach (var group in tokens.GroupBy(t => (t.ElementId, Flow: IsJoin(template, t.ElementId) ? t.ArrivedBy : null)))
            Assert.True(group.Count() == 1, $"{group.Count()} tokens sit at {group.Key.ElementId}{(group.Key.Flow is null ? "" : $" from {group.Key.Flow}")}.");

        foreach (var task in open)
        {
            var token = Assert.Single(tokens, t => t.Id == task.TokenId);
            Assert.Equal((task.ElementId, TokenState.Waiting), (token.ElementId, token.State));
        }
        foreach (var token in tokens.Where(t => t.State == TokenState.Waiting))
        {
            var element = elements[token.ElementId];
            switch (element.Type)
            {
                // A 会签/或签 waits on one open task per instance still to sign, at least one (ADR 0045).
                case ElementType.UserTask when element.MultiInstance is { } multi:
                    var signing = open.Where(t => t.TokenId == token.Id).ToList();
                    Assert.InRange(signing.Count, 1, multi.Sequential ? 1 : multi.Keys.Count);
                    Assert.Equal(signing.Count, signing.Select(t => t.InstanceKey).Distinct().Count());
                    break;
                case ElementType.UserTask:
                    Assert.Single(open, t => t.TokenId == token.Id);
                    break;
                case ElementType.TimerEvent:
                case ElementType.StartEvent when element.Due is not null:
                    Assert.Single(pendingTimers, t => t.TokenId == token.Id && t.Kind == TimerKind.TimerEvent);
                    break;
                case ElementType.MessageEvent:
                    break;
                case ElementType.ParallelGateway when IsJoin(template, element.Id):
                    var incoming = template.Flows.Where(f => f.To == element.Id).Select(f => f.Key).ToHashSet();
                    var arrived = tokens.Where(t => t.ElementId == element.Id && t.State == TokenState.Waiting).Select(t => t.ArrivedBy!).ToHashSet();
                    Assert.True(arrived.IsProperSubsetOf(incoming), $"The join {element.Id} has a token on every incoming flow but did not fire.");
                    break;
                default:
                    Assert.Fail($"A token is stranded at {element.Id} ({element.Type}), where nothing waits.");
                    break;
            }
        }
        // A token stopped by an incident has exactly one open incident, and an open incident its stopped token.
        foreach (var token in tokens.Where(t => t.State == TokenState.Incident))
            Assert.Single(snapshot.OpenIncidents, i => i.TokenId == token.Id);
        foreach (var incident in snapshot.OpenIncidents)
            Assert.Single(tokens, t => t.Id == incident.TokenId && t.State == TokenState.Incident);
        // A timer event's pending timer belongs to a token still waiting there.
        foreach (var timer in pendingTimers.Where(t => t.Kind == TimerKind.TimerEvent))
            Assert.Single(tokens, t => t.Id == timer.TokenId && t.ElementId == timer.ElementId);
        // Task timers (due, boundary) are pending only while their task is open.
        foreach (var timer in pendingTimers.Where(t => t.TaskId is not null))
            Assert.Contains(open, t => t.Id == timer.TaskId);

        Assert.Equal(tasks.Select(t => t.Id).Order(), snapshot.AnnouncedTaskIds.Order());
    }

    private static bool IsJoin(TemplateDefinition template, string elementId) =>
        template.Elements.Any(e => e.Id == elementId && e.Type == ElementType.ParallelGateway) && template.Flows.Count(f => f.To == elementId) > 1;
}
