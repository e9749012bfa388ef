using Microsoft.EntityFrameworkCore;
using Shizhu.Notifications.Deliveries;
using Shizhu.Notifications.Idempotency;
using Shizhu.Notifications.InApp;
using Shizhu.Notifications.Preferences;

namespace Shizhu.Notifications.Persistence;

/// <summary>
/// The notification tables. Abstract because each provider has its own subclass and its own migrations
/// (<see cref="Sqlite.SqliteNotificationDbContext"/>, <see cref="Postgres.PostgresNotificationDbContext"/>).
/// </summary>
public abstract class NotificationDbContext(DbContextOptions options) : DbContext(options)
{
    public DbSet<Notification> Notifications => Set<Notification>();
    public DbSet<NotificationRead> Reads => Set<NotificationRead>();
    public DbSet<ProcessedEvent> ProcessedEvents => Set<ProcessedEvent>();
    public DbSet<Delivery> Deliveries => Set<Delivery>();
    public DbSet<DeliveryAttempt> DeliveryAttempts => Set<DeliveryAttempt>();
    public DbSet<ChannelPreference> ChannelPreferences => Set<ChannelPreference>();

    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(NotificationDbContext).Assembly);
}
