using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Shizhu.Host.Messaging;
using Shizhu.Host.Tests.Infrastructure;
using Shizhu.Notifications.Persistence;
using Shizhu.Workflows.Persistence;

namespace Shizhu.Host.Tests.Reliability;

/// <summary>
/// No event is lost between the outbox and a consumer (ADR 0023). The reproduction of issue 10: events the relay
/// has already published wait in RabbitMQ while the notifications' database is unavailable for longer than a few
/// immediate retries; every event must still be processed by both consumers once the database is back. And an
/// event that a consumer never processed (dead-lettered) is found by the reconciliation and published again.
/// </summary>
[Trait("Category", "Postgres")]
[Trait("Category", "Broker")]
public sealed class NotificationOutageTests(HostFixture fixture) : IClassFixture<HostFixture>
{
    private static readonly string[] Consumers = ["in-app", "email"];

    [Fact]
    public async Task EveryEventIsProcessedByBothConsumersAfterTheDatabaseWasUnavailableForFifteenSeconds()
    {
        var scenario = await Scenario.StartAsync(fixture);
        using var staff = await fixture.LoginAsync(scenario.StaffUser, HostFixture.UserPassword);
        var tasks = (await staff.GetJsonAsync("/api/inbox")).Items().Where(i => i.Str("workflowId") == scenario.WorkflowId).Select(i => i.Str("id")).ToList();
        foreach (var task in tasks) await staff.UploadRequiredEvidenceAsync(task);
        await WaitUntilProcessedAsync(scenario.WorkflowId, TimeSpan.FromSeconds(30));
        var database = new NpgsqlConnectionStringBuilder(fixture.ConnectionString).Database!;

        // Consumers block on the lock while the relay goes on publishing: the events sit in RabbitMQ, marked published.
        var locker = new NpgsqlConnection(fixture.ConnectionString);
        {
            await locker.OpenAsync();
            await ExecuteAsync(locker, "BEGIN; LOCK TABLE notifications.processed_events IN ACCESS EXCLUSIVE MODE");
            foreach (var task in tasks)
                await staff.PostJsonAsync($"/api/tasks/{task}/complete", new { comment = "停机演练" });
            await Eventually.UntilAsync(() => UnpublishedAsync(scenario.WorkflowId), n => n == 0, "the relay to publish the completions' events");
            await Task.Delay(TimeSpan.FromSeconds(1));

            // Then the database goes away: every connection is cut and new ones are refused for 15 s, longer than
            // the consumers' old immediate retries (200 ms, 1 s, 5 s) that dead-lettered such events.
            await using var admin = await AdminConnectionAsync();
            try
            {
                await ExecuteAsync(admin, $"ALTER DATABASE {database} WITH ALLOW_CONNECTIONS false");
                await ExecuteAsync(admin, $"SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '{database}'");
                await Task.Delay(TimeSpan.FromSeconds(15));
            }
            finally
            {
                await ExecuteAsync(admin, $"ALTER DATABASE {database} WITH ALLOW_CONNECTIONS true");
            }
        }
        try
        {
            await locker.DisposeAsync();
        }
        catch (NpgsqlException)
        {
            // Its backend was terminated with the others.
        }
        NpgsqlConnection.ClearAllPools();

        var missing = await WaitUntilProcessedAsync(scenario.WorkflowId, TimeSpan.FromSeconds(120));
        Assert.Equal(0, missing);
        await using var scope = fixture.Services.CreateAsyncScope();
        var ids = await EventIdsAsync(scope, scenario.WorkflowId);
        var notified = await scope.ServiceProvider.GetRequiredService<NotificationDbContext>().Notifications.AsNoTracking()
            .Where(n => ids.Contains(n.EventId)).Select(n => n.EventId).Distinct().CountAsync();
        Assert.True(notified >= tasks.Count, $"in-app notifications exist for {notified} of the workflow's {ids.Count} events");
        await scenario.CancelAsync(fixture);
    }

    [Fact]
    public async Task AnEventThatNoConsumerProcessedIsPublishedAgainByTheReconciliation()
    {
        var scenario = await Scenario.StartAsync(fixture);
        await WaitUntilProcessedAsync(scenario.WorkflowId, TimeSpan.FromSeconds(30));
        Guid lost;
        await using (var scope = fixture.Services.CreateAsyncScope())
        {
            // As if both consumers had dead-lettered the event: no mark, no notification, published long enough ago.
            lost = (await EventIdsAsync(scope, scenario.WorkflowId))[0];
            var notifications = scope.ServiceProvider.GetRequiredService<NotificationDbContext>();
            await notifications.ProcessedEvents.Where(p => p.EventId == lost).ExecuteDeleteAsync();
            await notifications.Notifications.Where(n => n.EventId == lost).ExecuteDeleteAsync();
            var publishedAt = scope.ServiceProvider.GetRequiredService<TimeProvider>().GetUtcNow().AddHours(-1);
            await scope.ServiceProvider.GetRequiredService<WorkflowDbContext>().Outbox.Where(m => m.EventId == lost)
                .ExecuteUpdateAsync(s => s.SetProperty(m => m.PublishedAt, publishedAt));
        }

        var republished = await fixture.Services.GetRequiredService<OutboxReconciler>().ReconcileAsync(CancellationToken.None);

        Assert.True(republished >= 1, $"the reconciliation published {republished} events again");
        await Eventually.UntilAsync(async () =>
        {
            await using var scope = fixture.Services.CreateAsyncScope();
            var notifications = scope.ServiceProvider.GetRequiredService<NotificationDbContext>();
            return (await notifications.ProcessedEvents.AsNoTracking().CountAsync(p => p.EventId == lost),
                await notifications.Notifications.AsNoTracking().CountAsync(n => n.EventId == lost));
        }, counts => counts.Item1 == Consumers.Length && counts.Item2 > 0, "both consumers to process the republished event");
        await scenario.CancelAsync(fixture);
    }

    /// <summary>Waits until every event of the workflow is processed by both consumers; answers how many are not.</summary>
    private async Task<int> WaitUntilProcessedAsync(string workflowId, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var missing = -1;
            try
            {
                await using var scope = fixture.Services.CreateAsyncScope();
                var ids = await EventIdsAsync(scope, workflowId);
                var marks = await scope.ServiceProvider.GetRequiredService<NotificationDbContext>().ProcessedEvents.AsNoTracking()
                    .Where(p => ids.Contains(p.EventId)).Select(p => new { p.EventId, p.Consumer }).ToListAsync();
                missing = ids.Count(id => Consumers.Any(c => !marks.Any(m => m.EventId == id && m.Consumer == c)));
            }
            catch (NpgsqlException)
            {
                // The database is still coming back.
            }
            if (missing == 0 || DateTime.UtcNow > deadline) return missing;
            await Task.Delay(TimeSpan.FromMilliseconds(500));
        }
    }

    private static async Task<List<Guid>> EventIdsAsync(AsyncServiceScope scope, string workflowId) =>
        await scope.ServiceProvider.GetRequiredService<WorkflowDbContext>().Outbox.AsNoTracking()
            .Where(m => m.Payload.Contains(workflowId)).OrderBy(m => m.Id).Select(m => m.EventId).ToListAsync();

    private async Task<int> UnpublishedAsync(string workflowId)
    {
        await using var scope = fixture.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<WorkflowDbContext>().Outbox.AsNoTracking()
            .CountAsync(m => m.Payload.Contains(workflowId) && m.PublishedAt == null);
    }

    private async Task<NpgsqlConnection> AdminConnectionAsync()
    {
        var builder = new NpgsqlConnectionStringBuilder(fixture.ConnectionString) { Database = "postgres", Pooling = false };
        var connection = new NpgsqlConnection(builder.ConnectionString);
        await connection.OpenAsync();
        return connection;
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
