using System.Data.Common;
using System.Reflection;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql;
using Shizhu.Workflows.Persistence;

namespace Shizhu.Host.Setup;

/// <summary>
/// Tells an up-to-date database on every start with one plain query per context (ADR 0052). EF Core's own
/// <c>GetPendingMigrationsAsync</c> builds each context's internal services and a model for its history table first,
/// about a third of a second for the three contexts on this machine, for an answer that is "nothing pending" on every
/// start but the first after a release. Here the shipped migrations are read from the assemblies' attributes, as EF
/// reads them, and compared with the history tables. Anything unexpected (no history table yet, a name that differs,
/// a migration not applied) answers false, and the caller migrates through EF Core as before, so this can only ever
/// skip a migration run that would have done nothing.
/// </summary>
public static class MigrationHistory
{
    /// <summary>Whether every migration of every context in <paramref name="contexts"/> is recorded in its history table.</summary>
    public static async Task<bool> AllAppliedAsync(DatabaseProvider provider, IReadOnlyList<(Type Context, DbContextOptions Options)> contexts,
        CancellationToken ct)
    {
        try
        {
            foreach (var (context, options) in contexts)
                if (!await AppliedAsync(provider, context, options, ct)) return false;
            return true;
        }
        catch (DbException)
        {
            // No history table (a new database) or another name than expected: EF Core's migrator decides.
            return false;
        }
    }

    private static async Task<bool> AppliedAsync(DatabaseProvider provider, Type context, DbContextOptions options, CancellationToken ct)
    {
        var relational = options.Extensions.OfType<RelationalOptionsExtension>().SingleOrDefault();
        if (relational?.ConnectionString is not { } connectionString) return false;
        var shipped = Shipped(context, relational.MigrationsAssembly);
        var table = relational.MigrationsHistoryTableName ?? HistoryRepository.DefaultTableName;
        var schema = relational.MigrationsHistoryTableSchema;

        await using DbConnection connection = provider == DatabaseProvider.Postgres
            ? new NpgsqlConnection(connectionString)
            : new SqliteConnection(connectionString);
        await connection.OpenAsync(ct);
        await using var command = connection.CreateCommand();
        // The history table's columns are snake_case like every other (EFCore.NamingConventions).
        command.CommandText = $"SELECT migration_id FROM {(schema is null ? "" : Quote(schema) + ".")}{Quote(table)}";
        var applied = new HashSet<string>(StringComparer.Ordinal);
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct)) applied.Add(reader.GetString(0));
        return shipped.Count > 0 && shipped.All(applied.Contains);
    }

    /// <summary>The migrations EF Core would find for <paramref name="context"/>: types marked with its [DbContext] and an id.</summary>
    private static List<string> Shipped(Type context, string? migrationsAssembly)
    {
        var assembly = migrationsAssembly is null ? context.Assembly : Assembly.Load(new AssemblyName(migrationsAssembly));
        return assembly.GetTypes()
            .Where(t => t.IsSubclassOf(typeof(Migration)) && t.GetCustomAttribute<DbContextAttribute>()?.ContextType == context)
            .Select(t => t.GetCustomAttribute<MigrationAttribute>()?.Id)
            .OfType<string>()
            .ToList();
    }

    private static string Quote(string identifier) => "\"" + identifier.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
