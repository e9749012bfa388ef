using Microsoft.EntityFrameworkCore;
using Shizhu.Host.Configuration;
using Shizhu.Host.Identity;
using Shizhu.Notifications;
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

        if (options.Provider == DatabaseProvider.Postgres)
        {
            // Pooled: every command and query takes a context, and building one from scratch costs more than the work.
            builder.Services.AddDbContextPool<WorkflowDbContext, PostgresWorkflowDbContext>(o => o.UseWorkflowPostgres(cs));
            builder.Services.AddDbContext<AppIdentityDbContext, PostgresIdentityDbContext>(o => o.UseIdentityPostgres(cs));
        }
        else
        {
            builder.Services.AddDbContextPool<WorkflowDbContext, SqliteWorkflowDbContext>(o => o.UseWorkflowSqlite(cs));
            builder.Services.AddDbContext<AppIdentityDbContext, SqliteIdentityDbContext>(o => o.UseIdentitySqlite(cs));
        }
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
