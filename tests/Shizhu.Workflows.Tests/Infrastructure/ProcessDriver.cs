using Microsoft.EntityFrameworkCore;
using Shizhu.Workflows.Runtime.Model;
using Shizhu.Workflows.Templates;
using Shizhu.Workflows.Runtime.Tasks;

namespace Shizhu.Workflows.Tests.Infrastructure;

/// <summary>
/// Drives workflows as a county on a good year would: every open task completed, its required evidence uploaded
/// first, with its first outcome (approved, passed), the clock moved to the next timer event only when nothing
/// else can happen, and the municipal office's verdict "passed". <c>workflowId</c> null means every workflow of the harness.
/// </summary>
public sealed class ProcessDriver(EngineHarness harness)
{
    public const string VerdictMessage = "municipal-verdict";
    public const string PassedVerdict = """{"result":"passed"}""";

    /// <summary>Completes every task open now, oldest first, with its required evidence and first allowed outcome; answers how many.</summary>
    public async Task<int> CompleteOpenTasksAsync(Guid? workflowId = null)
    {
        var open = await OpenTasksAsync(workflowId);
        foreach (var task in open)
            await harness.CompleteAsDecidedAsync(task);
        return open.Count;
    }

    public async Task<List<WorkflowTask>> OpenTasksAsync(Guid? workflowId = null)
    {
        await using var db = harness.NewDbContext();
        var open = await db.Tasks.AsNoTracking()
            .Where(t => t.Status == UserTaskStatus.Open && (workflowId == null || t.WorkflowId == workflowId)).ToListAsync();
        return [.. open.OrderBy(t => t.CreatedAt).ThenBy(t => t.Id)];
    }

    /// <summary>The earliest pending timer a token waits on (a timer start or an intermediate timer event).</summary>
    public async Task<WorkflowTimer?> NextTimerEventAsync(Guid? workflowId = null)
    {
        await using var db = harness.NewDbContext();
        var pending = await db.Timers.AsNoTracking()
            .Where(t => t.Kind == TimerKind.TimerEvent && t.FiredAt == null && t.CancelledAt == null
                && (workflowId == null || t.WorkflowId == workflowId))
            .ToListAsync();
        return pending.OrderBy(t => t.DueAt).FirstOrDefault();
    }

    /// <summary>Moves the clock to the next timer event (never back) and fires everything due; false if no token waits on time.</summary>
    public async Task<bool> AdvanceToNextTimerEventAsync(Guid? workflowId = null)
    {
        if (await NextTimerEventAsync(workflowId) is not { } next) return false;
        if (next.DueAt > harness.Clock.GetUtcNow()) harness.Clock.SetUtcNow(next.DueAt);
        Assert.True(await harness.FireDueAsync() > 0);
        return true;
    }

    /// <summary>Whether a token of the workflow waits at a message event for <paramref name="message"/>.</summary>
    public async Task<bool> AwaitsMessageAsync(Guid workflowId, string message = VerdictMessage)
    {
        var template = await harness.TemplateOfAsync(workflowId);
        var waiting = template.Elements.Where(e => e.Type == ElementType.MessageEvent && e.Message == message).Select(e => e.Id).ToHashSet();
        return (await harness.TokensAsync(workflowId)).Any(t => t.State == TokenState.Waiting && waiting.Contains(t.ElementId));
    }

    /// <summary>
    /// Runs one workflow to its end: tasks first, then the verdict if it is awaited, then the next timer event.
    /// <paramref name="pace"/> passes before each round of completions. Fails if the workflow gets stuck.
    /// </summary>
    public async Task RunToCompletionAsync(Guid workflowId, TimeSpan? pace = null) =>
        Assert.Null(await RunAsync(workflowId, stopAt: null, pace ?? TimeSpan.Zero));

    /// <summary>Runs the workflow as <see cref="RunToCompletionAsync"/> does until task <paramref name="taskKey"/> is open, and answers it.</summary>
    public async Task<WorkflowTask> RunUntilOpenAsync(Guid workflowId, string taskKey, TimeSpan? pace = null) =>
        await RunAsync(workflowId, taskKey, pace ?? TimeSpan.Zero)
        ?? throw new InvalidOperationException($"The workflow completed without opening {taskKey}.");

    private async Task<WorkflowTask?> RunAsync(Guid workflowId, string? stopAt, TimeSpan pace, int maxRounds = 200)
    {
        for (var round = 0; round < maxRounds; round++)
        {
            if ((await harness.WorkflowAsync(workflowId)).Status == WorkflowStatus.Completed) return null;
            var open = await OpenTasksAsync(workflowId);
            if (open.FirstOrDefault(t => t.ElementId == stopAt) is { } reached) return reached;
            if (open.Count > 0)
            {
                harness.Clock.Advance(pace);
                await CompleteOpenTasksAsync(workflowId);
            }
            else if (await AwaitsMessageAsync(workflowId)) await harness.DeliverAsync(workflowId, VerdictMessage, PassedVerdict);
            else if (!await AdvanceToNextTimerEventAsync(workflowId))
                Assert.Fail($"The workflow is stuck at {string.Join(", ", (await harness.TokensAsync(workflowId)).Select(t => $"{t.ElementId} ({t.State})"))}.");
        }
        Assert.Fail($"The workflow did not complete in {maxRounds} rounds.");
        return null;
    }
}
