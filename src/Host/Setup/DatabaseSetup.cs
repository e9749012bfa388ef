using Microsoft.EntityFrameworkCore;
using Shizhu.Host.Configuration;
using Shizhu.Host.Identity;
using Shizhu.Notifications;
using Shizhu.Notifications.Persistence.Postgres;
using Shizhu.Notifications.Persistence.Sqlite;
using Shizhu.Workflows.Persistence;
using Shizhu.Workflows.Persistence.Postgres;
using Shizhu.Workflows.Persistence.Sqlite;

namespace Shizhu.Host.Setup;

public static class DatabaseSetup
{
    /// <summary>Registers the three DbContexts (engine, notifications, identity) on the configured provider.</summary>
    public static void AddDatabases(this IHostApplicationBuilder builder)
    {
        var section = builder.Configuration.GetSection(DatabaseOptions.Section);
        builder.Services.Configure<DatabaseOptions>(section);
        var options = section.Get<DatabaseOptions>() ?? new DatabaseOptions();
        var cs = options.ConnectionString;
        if (options.Provider == DatabaseProvider.Sqlite) EnsureSqliteFolder(cs);

        // The engine's context (pooled) and the workflow store that goes with the provider (ADR 0018).
        builder.Services.AddWorkflowDatabase(options.Provider, cs);
        if (options.Provider == DatabaseProvider.Postgres)
            builder.Services.AddDbContext<AppIdentityDbContext, PostgresIdentityDbContext>(o => o.UseIdentityPostgres(cs));
        else
            builder.Services.AddDbContext<AppIdentityDbContext, SqliteIdentityDbContext>(o => o.UseIdentitySqlite(cs));
        builder.Services.AddNotifications(builder.Configuration, options.Provider, cs);
        builder.Services.AddScoped<DatabaseInitializer>();
        builder.Services.AddSingleton(options.Provider == DatabaseProvider.Postgres
            ? new SchemaContexts([typeof(PostgresWorkflowDbContext), typeof(PostgresNotificationDbContext), typeof(PostgresIdentityDbContext)])
            : new SchemaContexts([typeof(SqliteWorkflowDbContext), typeof(SqliteNotificationDbContext), typeof(SqliteIdentityDbContext)]));
    }

    private static void EnsureSqliteFolder(string connectionString)
    {
        var file = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(connectionString).DataSource;
        var folder = Path.GetDirectoryName(Path.GetFullPath(file));
        if (!string.IsNullOrEmpty(folder)) Directory.CreateDirectory(folder);
    }
}

/// <summary>The context classes (per provider) whose migrations the Host applies at start-up, in the order it applies them.</summary>
public sealed record SchemaContexts(IReadOnlyList<Type> Types);
