using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Shizhu.Workflows.Access;
using Shizhu.Workflows.Persistence;
using Shizhu.Workflows.Runtime.Model;

using Shizhu.Workflows.Telemetry;

namespace Shizhu.Workflows.Runtime.Idempotency;

/// <summary>
/// The one idempotency pipeline every command runs through (ADRs 0008, 0024). A key belongs to one user. The first
/// request with a key is recorded — command, resource, a hash of its body and its answer — in the command's own
/// transaction, so a command and its record commit together or not at all. A repeat of the same request answers the
/// first answer without running the command again; a key reused for a different request (another command, resource
/// or body) is refused with 422 naming the <c>Idempotency-Key</c> header. Without a key a command simply runs.
/// </summary>
public sealed class IdempotencyLedger(WorkflowDbContext db, EngineCommandRunner runner)
{
    public const string Field = "Idempotency-Key";
    public const int MaxKeyLength = 100;
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>Refuses a key that is too long; answers the key.</summary>
    public static string? Check(string? key) => key is { Length: > MaxKeyLength }
        ? throw WorkflowException.Invalid(Field, $"Idempotency-Key 不能超过 {MaxKeyLength} 个字符。")
        : key;

    /// <summary>
    /// Runs an engine command as one transaction that also records the request and its answer; a repeat answers the
    /// recorded answer. Without a key this is the runner's own call: no lookup, no allocation of the pipeline's.
    /// </summary>
    internal Task<T> RunAsync<T>(Actor actor, CommandRequest request, Func<EngineChanges, Task<T>> body, CancellationToken ct)
        where T : class =>
        EngineMetrics.MeasureAsync(request.Command,
            request.Key is null ? runner.RunAsync(actor.UserName, body, ct) : RunKeyedAsync(actor, request, body, reread: null, ct));

    /// <summary>
    /// As <see cref="RunAsync{T}(Actor, CommandRequest, Func{EngineChanges, Task{T}}, CancellationToken)"/> for a command
    /// whose resource is final once it ran (a completed task): the record stores no answer, and a repeat answers
    /// <paramref name="reread"/> — less to write on the engine's hottest path, and the answer is the same.
    /// </summary>
    internal Task<T> RunAsync<T>(Actor actor, CommandRequest request, Func<EngineChanges, Task<T>> body, Func<Task<T>> reread,
        CancellationToken ct) where T : class =>
        EngineMetrics.MeasureAsync(request.Command,
            request.Key is null ? runner.RunAsync(actor.UserName, body, ct) : RunKeyedAsync(actor, request, body, reread, ct));

    /// <summary>
    /// For a command made of several engine transactions (a plan import starts one workflow per entry): a repeat
    /// answers the recorded answer; otherwise <paramref name="work"/> runs and its answer is recorded afterwards.
    /// </summary>
    internal async Task<T> RunInStepsAsync<T>(Actor actor, CommandRequest request, Func<Task<T>> work, CancellationToken ct)
        where T : class
    {
        if (request.Key is null) return await work();
        if (await FindAsync(actor.UserName, request.Key, ct) is { } earlier) return await AnswerAsync<T>(earlier, request, reread: null);
        var result = await work();
        try
        {
            return await runner.RunAsync(actor.UserName, changes =>
            {
                Remember(changes, actor.UserName, request, result);
                return Task.FromResult(result);
            }, ct);
        }
        catch (DbUpdateException ex) when (UniqueViolation.Is(ex))
        {
            if (await FindAsync(actor.UserName, request.Key, ct) is { } raced) return await AnswerAsync<T>(raced, request, reread: null);
            throw;
        }
    }

    /// <summary>
    /// The answer recorded for an earlier request with this key, checked against <paramref name="request"/> (422 if it
    /// differs); null if the key is new. For a command that must refuse early, before work the transaction cannot undo.
    /// </summary>
    internal async Task<T?> ReplayAsync<T>(Actor actor, CommandRequest request, CancellationToken ct) where T : class =>
        request.Key is not null && await FindAsync(actor.UserName, request.Key, ct) is { } earlier
            ? await AnswerAsync<T>(earlier, request, reread: null)
            : null;

    /// <summary>Whether this user already used this key, whatever for (the request is compared by <see cref="ReplayAsync{T}"/>).</summary>
    internal async Task<bool> IsUsedAsync(Actor actor, string? key, CancellationToken ct) =>
        key is not null && await FindAsync(actor.UserName, key, ct) is not null;

    private async Task<T> RunKeyedAsync<T>(Actor actor, CommandRequest request, Func<EngineChanges, Task<T>> body,
        Func<Task<T>>? reread, CancellationToken ct) where T : class
    {
        var key = request.Key!;
        try
        {
            return await runner.RunAsync(actor.UserName, async changes =>
            {
                if (await FindAsync(actor.UserName, key, ct) is { } earlier) return await AnswerAsync(earlier, request, reread);
                var result = await body(changes);
                Remember(changes, actor.UserName, request, reread is null ? result : null);
                return result;
            }, ct);
        }
        catch (DbUpdateException ex) when (UniqueViolation.Is(ex))
        {
            // A concurrent request with the same key committed first: its record took the primary key.
            if (await FindAsync(actor.UserName, key, ct) is { } raced) return await AnswerAsync(raced, request, reread);
            throw;
        }
    }

    private Task<IdempotencyRecord?> FindAsync(string userName, string key, CancellationToken ct) =>
        db.IdempotencyRecords.AsNoTracking().SingleOrDefaultAsync(r => r.UserName == userName && r.Key == key, ct);

    /// <summary>The first answer to a repeat of the same request; a different request with the key is refused (422).</summary>
    private static async Task<T> AnswerAsync<T>(IdempotencyRecord earlier, CommandRequest request, Func<Task<T>>? reread) where T : class
    {
        if (earlier.Command != request.Command || earlier.ResourceId != request.ResourceId)
            throw Reused("该 Idempotency-Key 已用于另一个请求（其他操作或对象），请为新的请求换一个 Idempotency-Key。");
        if (earlier.RequestHash != request.BodyHash)
            throw Reused("该 Idempotency-Key 已用于内容不同的同一操作；重试请原样重发第一次的请求，新的请求请换一个 Idempotency-Key。");
        if (reread is not null) return await reread();
        return earlier.Result is { } json && JsonSerializer.Deserialize<T>(json, Json) is { } answer
            ? answer
            : throw new InvalidOperationException($"Idempotency record {earlier.Key} of {earlier.Command} holds no answer.");
    }

    private static WorkflowException Reused(string message) =>
        new(WorkflowErrorKind.Unprocessable, message, Field, new Dictionary<string, string> { [Field] = message });

    /// <summary>Adds the key's record to the command's unit of work; <paramref name="result"/> null means "read the resource again".</summary>
    private void Remember(EngineChanges changes, string userName, CommandRequest request, object? result) =>
        db.IdempotencyRecords.Add(new IdempotencyRecord
        {
            UserName = userName, Key = request.Key!, Command = request.Command, ResourceId = request.ResourceId,
            RequestHash = request.BodyHash, CreatedAt = changes.Now,
            Result = result is null ? null : JsonSerializer.Serialize(result, result.GetType(), Json),
        });
}
