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
        builder.UseNpgsql(TunePostgres(connectionString), o => o.MigrationsHistoryTable("__ef_migrations_history", Postgres.PostgresWorkflowDbContext.Schema)
                .UseQuerySplittingBehavior(QuerySplittingBehavior.SingleQuery))
            .UseSnakeCaseNamingConvention();

    /// <summary>
    /// Connection settings the engine's workload wants unless the operator set them: the engine never changes session
    /// state, so a pooled connection needs no <c>DISCARD ALL</c> when it returns (No Reset On Close); and its handful
    /// of statements run thousands of times, so the server keeps them prepared per connection (auto-prepare) instead
    /// of parsing and planning each one again. Measured in docs/benchmarks.md.
    /// </summary>
    internal static string TunePostgres(string connectionString)
    {
        // The keywords as written (Npgsql's own builder answers ContainsKey for every keyword it knows).
        var given = new System.Data.Common.DbConnectionStringBuilder { ConnectionString = connectionString }.Keys
            .Cast<string>().Select(k => k.Replace(" ", "", StringComparison.Ordinal).ToLowerInvariant()).ToHashSet();
        var tuned = new Npgsql.NpgsqlConnectionStringBuilder(connectionString);
        if (!given.Contains("noresetonclose")) tuned.NoResetOnClose = true;
        if (!given.Contains("maxautoprepare")) tuned.MaxAutoPrepare = 64;
        if (!given.Contains("autoprepareminusages")) tuned.AutoPrepareMinUsages = 2;
        return tuned.ConnectionString;
    }
}
