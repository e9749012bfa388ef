using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Shizhu.Notifications.Persistence.Sqlite;

/// <summary>The embedded default: SQLite.</summary>
public sealed class SqliteNotificationDbContext(DbContextOptions<SqliteNotificationDbContext> options) : NotificationDbContext(options)
{
    // SQLite cannot compare or order DateTimeOffset values; stored as ticks they sort correctly
    // because every instant written here is UTC.
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder) =>
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<DateTimeOffsetToBinaryConverter>();
}
