using Microsoft.EntityFrameworkCore;

namespace Shizhu.Workflows.Persistence;

/// <summary>The one place that says how each provider is configured, for the Host and design time alike.</summary>
public static class ProviderOptions
{
    public static DbContextOptionsBuilder UseWorkflowSqlite(this DbContextOptionsBuilder builder, string connectionString) =>
        // Three contexts share one SQLite file: each keeps its own migrations history table.
        builder.UseSqlite(connectionString, o => o.MigrationsHistoryTable("__ef_migrations_history_workflows")
            .UseQuerySplittingBehavior(QuerySplittingBehavior.SingleQuery)).UseSnakeCaseNamingConvention();

    public static DbContextOptionsBuilder UseWorkflowPostgres(this DbContextOptionsBuilder builder, string connectionString) =>
        // Single queries by default: a command loads one workflow with its few stages and tokens in one round trip.
        builder.UseNpgsql(connectionString, o => o.MigrationsHistoryTable("__ef_migrations_history", Postgres.PostgresWorkflowDbContext.Schema)
                .UseQuerySplittingBehavior(QuerySplittingBehavior.SingleQuery))
            .UseSnakeCaseNamingConvention();
}
