using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Shizhu.Notifications.Persistence.Postgres;
using Shizhu.Notifications.Persistence.Sqlite;

namespace Shizhu.Notifications.Persistence;

// Used by `dotnet ef migrations add` only; no database is contacted to build a migration.
internal sealed class SqliteNotificationDesignTimeFactory : IDesignTimeDbContextFactory<SqliteNotificationDbContext>
{
    public SqliteNotificationDbContext CreateDbContext(string[] args)
    {
        var builder = new DbContextOptionsBuilder<SqliteNotificationDbContext>();
        builder.UseNotificationSqlite("Data Source=design.db");
        return new(builder.Options);
    }
}

internal sealed class PostgresNotificationDesignTimeFactory : IDesignTimeDbContextFactory<PostgresNotificationDbContext>
{
    public PostgresNotificationDbContext CreateDbContext(string[] args)
    {
        var builder = new DbContextOptionsBuilder<PostgresNotificationDbContext>();
        builder.UseNotificationPostgres("Host=localhost");
        return new(builder.Options);
    }
}
