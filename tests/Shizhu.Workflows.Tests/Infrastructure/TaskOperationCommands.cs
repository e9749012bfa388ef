using Shizhu.Workflows.Access;
using Shizhu.Workflows.Runtime.Copies;
using Shizhu.Workflows.Runtime.Queries;
using Shizhu.Workflows.Runtime.Tasks;

namespace Shizhu.Workflows.Tests.Infrastructure;

/// <summary>The task operations of ADR 0031, each in its own scope as one HTTP request would run them.</summary>
public static class TaskOperationCommands
{
    public static Task<TaskView> TransferAsync(this EngineHarness h, Guid taskId, Actor target, Actor actor, string? reason = "另有工作安排", string? key = null) =>
        h.InScopeAsync<TaskOperations, TaskView>(o => o.TransferAsync(taskId, new TransferTask(target.UserName, reason), target, actor, key, CancellationToken.None));

    public static Task<TaskView> DelegateAsync(this EngineHarness h, Guid taskId, Actor target, Actor actor, string? comment = null, string? key = null) =>
        h.InScopeAsync<TaskOperations, TaskView>(o => o.DelegateAsync(taskId, new DelegateTask(target.UserName, comment), target, actor, key, CancellationToken.None));

    public static Task<TaskView> ResolveAsync(this EngineHarness h, Guid taskId, Actor actor, string? comment = null, string? key = null) =>
        h.InScopeAsync<TaskOperations, TaskView>(o => o.ResolveAsync(taskId, new ResolveDelegation(comment), actor, key, CancellationToken.None));

    public static Task<TaskView> SendBackAsync(this EngineHarness h, Guid taskId, string? toElementId, Actor actor, string? reason = "材料不全，请补充", string? key = null) =>
        h.InScopeAsync<TaskOperations, TaskView>(o => o.SendBackAsync(taskId, new SendBackTask(toElementId, reason), actor, key, CancellationToken.None));

    public static Task<TaskView> WithdrawAsync(this EngineHarness h, Guid taskId, Actor actor, string? reason = "办理结果选错", string? key = null) =>
        h.InScopeAsync<TaskOperations, TaskView>(o => o.WithdrawAsync(taskId, new WithdrawTask(reason), actor, key, CancellationToken.None));

    public static Task<CopyResult> CopyAsync(this EngineHarness h, Guid taskId, IReadOnlyList<Actor> people, Actor actor, string? comment = null, string? key = null) =>
        h.InScopeAsync<TaskOperations, CopyResult>(o => o.CopyAsync(taskId, new CopyTask([.. people.Select(p => p.UserName)], null, comment),
            [.. people.Select((p, i) => ($"users[{i}]", p))], actor, key, CancellationToken.None));

    public static Task<IReadOnlyList<CopyView>> CopiesAsync(this EngineHarness h, Actor actor, int? limit = null, DateTimeOffset? before = null) =>
        h.InScopeAsync<TaskCopies, IReadOnlyList<CopyView>>(c => c.ListAsync(actor, limit, before, CancellationToken.None));

    public static Task<CopyView> MarkCopyReadAsync(this EngineHarness h, Guid copyId, Actor actor) =>
        h.InScopeAsync<TaskCopies, CopyView>(c => c.MarkReadAsync(copyId, actor, null, CancellationToken.None));

    /// <summary>What <paramref name="actor"/> may do with the task, as <c>GET /api/tasks/{id}</c> lists it.</summary>
    public static async Task<TaskOperationsView> OperationsAsync(this EngineHarness h, Guid taskId, Actor actor) =>
        (await h.QueryAsync(q => q.GetTaskAsync(actor, taskId, CancellationToken.None)))?.Operations
        ?? throw new InvalidOperationException($"Task {taskId} is not visible to {actor.UserName}.");
}
