using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;
using Shizhu.Notifications.Persistence;
using Shizhu.Notifications.Persistence.Postgres;
using Shizhu.Workflows.Access;
using Shizhu.Workflows.Persistence;
using Shizhu.Workflows.ReferenceData;
using Shizhu.Workflows.Templates;

namespace Shizhu.Benchmarks.Reads;

/// <summary>
/// Builds the read benchmark's database once and reuses it (it is slow to build): the engine's and the notifications'
/// migrations and reference data, then — by binary COPY into the real tables — 10,000 townships each running a
/// municipal and a national creation (20,000 running workflows) and 9,000 completed ones, about 1,000,000 tasks with
/// their stages, waiting tokens, journal rows, overdue alerts, notifications and reads (<see cref="ReadShape"/>).
/// A database whose marker row says it was finished is used as it is.
/// </summary>
internal sealed class ReadDatabase(string serverConnection, string database)
{
    public string Connection { get; } = new NpgsqlConnectionStringBuilder(serverConnection) { Database = database, CommandTimeout = 600 }.ConnectionString;

    public async Task<bool> EnsureAsync(BenchmarkEngine engine, Action<string> say, CancellationToken ct)
    {
        if (await IsCompleteAsync(ct)) return false;
        await BenchmarkSeeder.RecreateDatabaseAsync(serverConnection, database, ct);
        var stopwatch = Stopwatch.StartNew();
        await engine.InScopeAsync<WorkflowDbContext, bool>(async db => { await db.Database.MigrateAsync(ct); return true; });
        await engine.InScopeAsync<ReferenceDataSeeder, bool>(async s => { await s.SeedAsync(ct); return true; });
        await using (var notifications = NotificationContext(Connection)) await notifications.Database.MigrateAsync(ct);
        var templates = await engine.InScopeAsync<WorkflowDbContext, List<TemplateDefinition>>(async db =>
            [.. (await db.Templates.AsNoTracking().Where(t => t.Version == 1).ToListAsync(ct)).Select(t => TemplateCatalog.Parse(t.Definition))]);
        say($"schema migrated and seeded in {stopwatch.Elapsed.TotalSeconds:0.0} s; generating rows");

        var shape = new ReadShape(templates, [.. ReferenceDataSeeder.CountyDepartments.Select(d => d.Code)], DateTimeOffset.UtcNow);
        await using var connection = new NpgsqlConnection(Connection);
        await connection.OpenAsync(ct);
        await new ReadRowWriter(connection, shape, say).WriteAsync(ct);
        say($"rows written in {stopwatch.Elapsed.TotalSeconds:0} s; vacuum and analyse");
        foreach (var sql in new[] { "VACUUM (ANALYZE)", "CHECKPOINT", "CREATE TABLE public.read_benchmark_ready (built_at timestamptz)", "INSERT INTO public.read_benchmark_ready VALUES (now())" })
        {
            await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 1800 };
            await command.ExecuteNonQueryAsync(ct);
        }
        say($"database built in {stopwatch.Elapsed.TotalSeconds:0} s");
        return true;
    }

    public static PostgresNotificationDbContext NotificationContext(string connection) =>
        new(Options(connection));

    private static DbContextOptions<PostgresNotificationDbContext> Options(string connection)
    {
        var builder = new DbContextOptionsBuilder<PostgresNotificationDbContext>();
        builder.UseNotificationPostgres(connection);
        return builder.Options;
    }

    private async Task<bool> IsCompleteAsync(CancellationToken ct)
    {
        await using var server = new NpgsqlConnection(serverConnection);
        await server.OpenAsync(ct);
        await using (var exists = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = @name", server))
        {
            exists.Parameters.AddWithValue("name", database);
            if (await exists.ExecuteScalarAsync(ct) is null) return false;
        }
        // Unpooled: a half-built database is dropped next (WITH (FORCE)), which would leave a pooled connection dead.
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(Connection) { Pooling = false }.ConnectionString);
        await connection.OpenAsync(ct);
        await using var ready = new NpgsqlCommand("SELECT to_regclass('public.read_benchmark_ready') IS NOT NULL", connection);
        return (bool)(await ready.ExecuteScalarAsync(ct))!;
    }

    /// <summary>Database size, and row counts of the big tables (estimates from the statistics, which VACUUM ANALYZE made exact enough).</summary>
    public async Task<string> DescribeAsync(CancellationToken ct)
    {
        const string sql = """
            SELECT pg_size_pretty(pg_database_size(current_database())) || ': ' || string_agg(relname || ' ' || to_char(n_live_tup, 'FM9,999,999'), ', ' ORDER BY relname)
            FROM pg_stat_user_tables WHERE relname IN ('workflows','workflow_tasks','workflow_stages','workflow_tokens','journal','task_alerts','notifications','notification_reads')
            """;
        await using var connection = new NpgsqlConnection(Connection);
        await connection.OpenAsync(ct);
        await using var command = new NpgsqlCommand(sql, connection);
        return (string)(await command.ExecuteScalarAsync(ct))!;
    }

    internal static NpgsqlDbType Text => NpgsqlDbType.Varchar;
    internal static readonly IReadOnlyList<string> TownshipRoles = [Roles.TownshipStaff, Roles.TownshipLeader];
}
