using Microsoft.EntityFrameworkCore;

namespace Shizhu.Notifications.Persistence.Postgres;

/// <summary>Production: PostgreSQL, tables in schema <c>notifications</c>.</summary>
public sealed class PostgresNotificationDbContext(DbContextOptions<PostgresNotificationDbContext> options) : NotificationDbContext(options)
{
    public const string Schema = "notifications";

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.HasDefaultSchema(Schema);
        base.OnModelCreating(modelBuilder);
    }
}
