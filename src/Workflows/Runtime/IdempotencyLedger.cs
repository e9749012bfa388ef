using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Shizhu.Workflows.Access;
using Shizhu.Workflows.Persistence;
using Shizhu.Workflows.Runtime.Model;

namespace Shizhu.Workflows.Runtime;

/// <summary>
/// Idempotency-Key support for every command. A key belongs to one user; used again with the same command on
/// the same resource it answers the first result, used for anything else it is refused. The record is written
/// in the command's own transaction, so a command and its record commit together or not at all.
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
    /// Runs <paramref name="command"/> as one engine transaction that also records the key with the answer; a
    /// repeat answers the recorded result without running the command again.
    /// </summary>
    internal async Task<T> RunAsync<T>(Actor actor, string? key, string command, Guid resourceId,
        Func<EngineChanges, Task<T>> body, CancellationToken ct) where T : class
    {
        Check(key);
        if (key is null) return await runner.RunAsync(actor.UserName, body, ct);
        try
        {
            return await runner.RunAsync(actor.UserName, async changes =>
            {
                if (await ReplayAsync<T>(actor.UserName, key, command, resourceId, ct) is { } replayed) return replayed;
                var result = await body(changes);
                Remember(changes, actor.UserName, key, command, resourceId, result);
                return result;
            }, ct);
        }
        catch (DbUpdateException ex) when (UniqueViolation.Is(ex))
        {
            // A concurrent request with the same key committed first: its record took the primary key.
            if (await ReplayAsync<T>(actor.UserName, key, command, resourceId, ct) is { } replayed) return replayed;
            throw;
        }
    }

    /// <summary>Records an answer worked out outside one engine transaction (a plan import starts many workflows).</summary>
    internal async Task<T> RecordAsync<T>(Actor actor, string key, string command, Guid resourceId, T result, CancellationToken ct)
        where T : class
    {
        try
        {
            return await runner.RunAsync(actor.UserName, changes =>
            {
                Remember(changes, actor.UserName, key, command, resourceId, result);
                return Task.FromResult(result);
            }, ct);
        }
        catch (DbUpdateException ex) when (UniqueViolation.Is(ex))
        {
            if (await ReplayAsync<T>(actor.UserName, key, command, resourceId, ct) is { } replayed) return replayed;
            throw;
        }
    }

    /// <summary>The recorded answer of an earlier request with this key, if there was one.</summary>
    internal async Task<T?> ReplayAsync<T>(string userName, string? key, string command, Guid resourceId, CancellationToken ct)
        where T : class
    {
        var record = await FindAsync(userName, key, command, resourceId, ct);
        return record?.Result is { } json ? JsonSerializer.Deserialize<T>(json, Json) : null;
    }

    /// <summary>The record of an earlier request with this key; refuses a key that was used for another request.</summary>
    internal async Task<IdempotencyRecord?> FindAsync(string userName, string? key, string command, Guid resourceId, CancellationToken ct)
    {
        if (key is null) return null;
        var record = await db.IdempotencyRecords.AsNoTracking().SingleOrDefaultAsync(r => r.UserName == userName && r.Key == key, ct);
        if (record is not null && (record.Command != command || record.ResourceId != resourceId))
            throw WorkflowException.Invalid(Field, "该 Idempotency-Key 已用于另一个请求。");
        return record;
    }

    /// <summary>Adds the key's record to the command's unit of work; <paramref name="result"/> null means "read the resource again".</summary>
    internal void Remember(EngineChanges changes, string userName, string? key, string command, Guid resourceId, object? result)
    {
        if (key is null) return;
        db.IdempotencyRecords.Add(new IdempotencyRecord
        {
            UserName = userName, Key = key, Command = command, ResourceId = resourceId, CreatedAt = changes.Now,
            Result = result is null ? null : JsonSerializer.Serialize(result, result.GetType(), Json),
        });
    }
}
