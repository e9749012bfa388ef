using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Shizhu.Notifications.Audiences;
using Shizhu.Notifications.Pipeline;
using Shizhu.Notifications.Tests.Support;
using Shizhu.Workflows.Events;
using static Shizhu.Notifications.Tests.Support.SampleEvents;

namespace Shizhu.Notifications.Tests;

/// <summary>
/// The shared consumer pipeline, through a channel written here the way WeCom or SMS will be written: one class.
/// </summary>
[Trait("Category", "Unit")]
public sealed class PipelineTests
{
    [Fact]
    public async Task ANewChannelIsOneClassAndGetsARedeliveredEventOnce()
    {
        var log = new ChannelLog();
        await using var host = await StartWithChannelAsync(log);
        var overdue = TaskOverdue();

        await host.Harness.Bus.Publish(overdue);
        await host.WaitUntilConsumedAsync<NotificationConsumer<RecordingChannel>, TaskOverdue>(overdue);
        await host.Harness.Bus.Publish(overdue);
        await host.WaitUntilConsumedAsync<NotificationConsumer<RecordingChannel>, TaskOverdue>(overdue, times: 2);

        var delivered = Assert.Single(log.Delivered);
        Assert.Equal((overdue.EventId, AudienceRules.For(overdue).Title), (delivered.EventId, delivered.Title));
        Assert.True(await host.QueryDbAsync(db => db.ProcessedEvents.AnyAsync(p => p.Consumer == RecordingChannel.ChannelName && p.EventId == overdue.EventId)));
    }

    [Fact]
    public async Task AChannelThatThrowsLeavesTheEventUnmarkedSoTheNextDeliveryDeliversIt()
    {
        var log = new ChannelLog { FailuresLeft = 1 };
        await using var host = await StartWithChannelAsync(log);
        var created = TaskCreated();

        await host.Harness.Bus.Publish(created);
        await host.WaitUntilConsumerFailsAsync<NotificationConsumer<RecordingChannel>, TaskCreated>(created);
        Assert.Empty(log.Delivered);
        Assert.False(await host.QueryDbAsync(db => db.ProcessedEvents.AnyAsync(p => p.Consumer == RecordingChannel.ChannelName)));

        await host.Harness.Bus.Publish(created);
        await host.WaitUntilAsync(db => db.ProcessedEvents.AnyAsync(p => p.Consumer == RecordingChannel.ChannelName && p.EventId == created.EventId));

        Assert.Equal([created.EventId], log.Delivered.Select(m => m.EventId));
    }

    static Task<NotificationsTestHost> StartWithChannelAsync(ChannelLog log) =>
        NotificationsTestHost.StartAsync(addChannels: (services, bus) =>
        {
            services.AddSingleton(log);
            services.AddScoped<RecordingChannel>();
            bus.AddConsumer<NotificationConsumer<RecordingChannel>>();
        });

    public sealed class ChannelLog
    {
        public int FailuresLeft { get; set; }
        public List<AudienceMessage> Delivered { get; } = [];
    }

    /// <summary>Records what it is handed; throws while <see cref="ChannelLog.FailuresLeft"/> says so, as an unreachable server would.</summary>
    public sealed class RecordingChannel(ChannelLog log) : INotificationChannel
    {
        public const string ChannelName = "recording";

        public string Name => ChannelName;

        public Task DeliverAsync(AudienceMessage message, CancellationToken ct)
        {
            lock (log)
            {
                if (log.FailuresLeft > 0)
                {
                    log.FailuresLeft--;
                    throw new InvalidOperationException("The recording channel is down.");
                }

                log.Delivered.Add(message);
            }

            return Task.CompletedTask;
        }
    }
}
