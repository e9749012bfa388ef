using System.Text.Json;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.Extensions.Options;
using Shizhu.Host.Configuration;
using Shizhu.Host.Telemetry;
using Shizhu.Workflows.Events;
using Shizhu.Workflows.Outbox;
using Shizhu.Workflows.Persistence;

namespace Shizhu.Host.Messaging;

/// <summary>
/// Publishes committed outbox rows to the bus, in commit order, and marks them published. On PostgreSQL
/// rows are taken with FOR UPDATE SKIP LOCKED so several Host replicas can relay side by side. Delivery
/// is at least once (a crash between publish and mark repeats a row); consumers de-duplicate by event id.
/// </summary>
public sealed class OutboxRelay(IServiceScopeFactory scopes, OutboxSignal signal, IBus bus, TimeProvider clock,
    IOptions<BusOptions> options, ILogger<OutboxRelay> logger) : BackgroundService
{
    private const int BatchSize = 200;
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var published = 0;
            try
            {
                published = await PublishBatchAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError(ex, "Outbox relay pass failed; retrying after the poll interval");
            }
            if (published < BatchSize) await signal.WaitAsync(options.Value.OutboxPollInterval, stoppingToken);
        }
    }

    /// <summary>One relay pass; answers how many events it published.</summary>
    public async Task<int> PublishBatchAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<WorkflowDbContext>();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var batch = db.SupportsRowLocking
            ? await db.Outbox.FromSqlRaw(LockingBatchSql(db.Model), BatchSize).ToListAsync(ct)
            : await db.Outbox.Where(m => m.PublishedAt == null).OrderBy(m => m.Id).Take(BatchSize).ToListAsync(ct);

        var published = 0;
        foreach (var message in batch)
        {
            try
            {
                using var trace = OutboxTrace.StartPublish(message);
                await PublishAsync(message, ct);
                message.PublishedAt = clock.GetUtcNow();
                published++;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // Stop at the first failure so events keep their order; the row is retried next pass.
                message.Attempts++;
                message.LastError = ex.Message.Length > 2000 ? ex.Message[..2000] : ex.Message;
                logger.LogWarning(ex, "Publishing outbox event {EventId} of type {EventType} failed", message.EventId, message.Type);
                break;
            }
        }
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        if (published > 0) logger.LogDebug("Relayed {Count} outbox events", published);
        return published;
    }

    /// <summary>
    /// The unpublished rows in commit order, locked so that another replica's pass skips them; the names come from the
    /// EF Core model (<see cref="StoreNames"/>) as the migrations map them. The batch size is the statement's <c>{0}</c>.
    /// </summary>
    private static string LockingBatchSql(IModel model)
    {
        var publishedAt = StoreNames.Column<OutboxMessage>(model, nameof(OutboxMessage.PublishedAt));
        var id = StoreNames.Column<OutboxMessage>(model, nameof(OutboxMessage.Id));
        return $"SELECT * FROM {StoreNames.Table<OutboxMessage>(model)} WHERE {publishedAt} IS NULL ORDER BY {id} LIMIT {{0}} FOR UPDATE SKIP LOCKED";
    }

    /// <summary>Publishes one outbox row with its event id as message id (the relay and the reconciliation alike).</summary>
    internal Task PublishAsync(OutboxMessage message, CancellationToken ct)
    {
        var type = EventTypes.ByName[message.Type];
        var @event = JsonSerializer.Deserialize(message.Payload, type, Json)
            ?? throw new InvalidOperationException($"Outbox event {message.EventId} has an empty payload.");
        return bus.Publish(@event, type, context => context.MessageId = message.EventId, ct);
    }
}
