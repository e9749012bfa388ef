using Microsoft.EntityFrameworkCore;

namespace Shizhu.Workflows.Persistence;

/// <summary>The one place that says how each provider is configured, for the Host and design time alike.</summary>
public static class ProviderOptions
{
    public static DbContextOptionsBuilder UseWorkflowSqlite(this DbContextOptionsBuilder builder, string connectionString) =>
        builder.UseSqlite(connectionString).UseSnakeCaseNamingConvention();

    public static DbContextOptionsBuilder UseWorkflowPostgres(this DbContextOptionsBuilder builder, string connectionString) =>
        builder.UseNpgsql(connectionString, o => o.MigrationsHistoryTable("__ef_migrations_history", Postgres.PostgresWorkflowDbContext.Schema))
            .UseSnakeCaseNamingConvention();
}
