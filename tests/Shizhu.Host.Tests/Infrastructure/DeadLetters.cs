using Microsoft.Extensions.DependencyInjection;
using Shizhu.Notifications.Deliveries;
using Shizhu.Notifications.Persistence;
using Shizhu.Notifications.Sending;

namespace Shizhu.Host.Tests.Infrastructure;

/// <summary>Dead letters for the 投递记录 tests, as the pipeline leaves a mail whose server stayed down past the last attempt.</summary>
public static class DeadLetters
{
    /// <summary>Writes a dead e-mail delivery to <paramref name="address"/> titled <paramref name="title"/>; answers its id.</summary>
    public static async Task<long> AddEmailAsync(HostFixture fixture, string address, string title)
    {
        await using var scope = fixture.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<NotificationDbContext>();
        var now = scope.ServiceProvider.GetRequiredService<TimeProvider>().GetUtcNow();
        var dead = new Delivery
        {
            EventId = Guid.NewGuid(), Channel = Channels.Email, Recipient = address, UserName = "dead-letter-test", DisplayName = "冉建国",
            Kind = MessageKind.Overdue, Title = title, Body = "中益乡的任务已逾期。", OccurredAt = now, CreatedAt = now, At = now,
            Status = DeliveryStatus.DeadLetter, Attempts = 12, Error = "Connection refused",
        };
        db.Deliveries.Add(dead);
        await db.SaveChangesAsync();
        return dead.Id;
    }
}
