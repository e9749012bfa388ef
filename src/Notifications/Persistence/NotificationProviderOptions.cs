using Microsoft.EntityFrameworkCore;
using Shizhu.Notifications.Persistence.Postgres;

namespace Shizhu.Notifications.Persistence;

/// <summary>The one place that says how each provider is configured, for the Host and design time alike.</summary>
public static class NotificationProviderOptions
{
    public static DbContextOptionsBuilder UseNotificationSqlite(this DbContextOptionsBuilder builder, string connectionString) =>
        builder.UseSqlite(connectionString).UseSnakeCaseNamingConvention();

    // The history table lives in our schema, so the engine's and our migrations never share one.
    public static DbContextOptionsBuilder UseNotificationPostgres(this DbContextOptionsBuilder builder, string connectionString) =>
        builder.UseNpgsql(connectionString, o => o.MigrationsHistoryTable("__ef_migrations_history", PostgresNotificationDbContext.Schema))
            .UseSnakeCaseNamingConvention();
}
