using Microsoft.EntityFrameworkCore;
using Shizhu.Notifications.Deliveries;
using Shizhu.Notifications.Tests.Support;
using static Shizhu.Notifications.Tests.Support.SampleEvents;

namespace Shizhu.Notifications.Tests;

[Trait("Category", "Unit")]
public sealed class IdempotencyTests
{
    [Fact]
    public async Task PublishingTheSameEventTwiceWritesOneNotificationSetAndOneProcessedRowPerConsumer()
    {
        await using var host = await NotificationsTestHost.StartAsync();
        var overdue = TaskOverdue();

        await host.PublishAndWaitAsync(overdue);
        await host.PublishAndWaitAsync(overdue, deliveries: 2);

        var notifications = await host.QueryDbAsync(db => db.Notifications.CountAsync(n => n.EventId == overdue.EventId));
        Assert.Equal(3, notifications);

        var processed = await host.QueryDbAsync(db => db.ProcessedEvents.Where(p => p.EventId == overdue.EventId).ToListAsync());
        Assert.Equal([Channels.Email, Channels.InApp], processed.Select(p => p.Consumer).Order());
        Assert.All(processed, p => Assert.Equal(host.Clock.GetUtcNow(), p.ProcessedAt));
    }

    [Fact]
    public async Task TheStaffSeeARedeliveredTaskOnceAndUnreadOnce()
    {
        await using var host = await NotificationsTestHost.StartAsync();
        var created = TaskCreated();

        await host.PublishAndWaitAsync(created);
        await host.PublishAndWaitAsync(created, deliveries: 2);

        Assert.Single(await host.InScopeAsync<NotificationQueries, IReadOnlyList<NotificationView>>(q => q.ListAsync(People.ZhongyiStaff, CancellationToken.None)));
        Assert.Equal(1, await host.InScopeAsync<NotificationQueries, int>(q => q.UnreadCountAsync(People.ZhongyiStaff, CancellationToken.None)));
    }

    [Fact]
    public async Task DifferentEventsWithTheSameContentAreEachNotified()
    {
        await using var host = await NotificationsTestHost.StartAsync();

        await host.PublishAndWaitAsync(StageEntered());
        await host.PublishAndWaitAsync(StageEntered());

        Assert.Equal(2, await host.InScopeAsync<NotificationQueries, int>(q => q.UnreadCountAsync(People.ZhongyiLeader, CancellationToken.None)));
    }
}
