using Microsoft.EntityFrameworkCore;
using Shizhu.Host.Configuration;
using Shizhu.Host.Identity;
using Shizhu.Notifications;
using Shizhu.Workflows.Persistence;

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
    }

    private static void EnsureSqliteFolder(string connectionString)
    {
        var file = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(connectionString).DataSource;
        var folder = Path.GetDirectoryName(Path.GetFullPath(file));
        if (!string.IsNullOrEmpty(folder)) Directory.CreateDirectory(folder);
    }
}
