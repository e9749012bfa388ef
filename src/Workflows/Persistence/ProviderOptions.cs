using Microsoft.EntityFrameworkCore;

namespace Shizhu.Workflows.Persistence;

/// <summary>The one place that says how each provider is configured, for the Host and design time alike.</summary>
public static class ProviderOptions
{
    public static DbContextOptionsBuilder UseWorkflowSqlite(this DbContextOptionsBuilder builder, string connectionString) =>
        // Three contexts share one SQLite file: each keeps its own migrations history table.
        builder.UseSqlite(connectionString, o => o.MigrationsHistoryTable("__ef_migrations_history_workflows")).UseSnakeCaseNamingConvention();

    public static DbContextOptionsBuilder UseWorkflowPostgres(this DbContextOptionsBuilder builder, string connectionString) =>
        builder.UseNpgsql(connectionString, o => o.MigrationsHistoryTable("__ef_migrations_history", Postgres.PostgresWorkflowDbContext.Schema))
            .UseSnakeCaseNamingConvention();
}
