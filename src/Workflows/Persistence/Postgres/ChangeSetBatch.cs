using System.Collections.Concurrent;
using System.Data.Common;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace Shizhu.Workflows.Persistence.Postgres;

/// <summary>
/// Writes what an engine command changed — the context's added, modified and deleted entities — on PostgreSQL in
/// one round trip: one <see cref="NpgsqlBatch"/> that PostgreSQL runs as one implicit transaction, so there is no
/// <c>BEGIN</c> or <c>COMMIT</c> of its own and an error in any statement rolls back all of them (ADR 0016).
/// <para>
/// EF Core's <c>SaveChanges</c> checks optimistic concurrency on the client, from each statement's row count, which
/// needs an explicit transaction to roll back a lost race. Here every <c>UPDATE</c> and <c>DELETE</c> checks itself
/// on the server: when it changed no row, it calls <c>expect_one_row</c>, which raises
/// <see cref="ConcurrencyConflictState"/>, and that error aborts the whole batch. The
/// statements come from the EF Core model (tables, columns, keys, concurrency tokens, type mappings and value
/// conversions), so a column a migration adds is written here without anyone remembering this class.
/// </para>
/// Failures surface as EF Core's own exceptions — <see cref="DbUpdateConcurrencyException"/> for a lost race,
/// <see cref="DbUpdateException"/> around the <see cref="PostgresException"/> otherwise — so callers handle both
/// write paths alike. After a successful write the change tracker is cleared: the entities keep their values (and
/// their generated keys) but are no longer tracked, which is what the engine's command runner wants next.
/// </summary>
internal static class ChangeSetBatch
{
    /// <summary>The SQLSTATE <c>expect_one_row</c> raises (created in <c>Initial.DatabaseGuards.cs</c> of the PostgreSQL migrations).</summary>
    public const string ConcurrencyConflictState = "SZ409";

    private static readonly ConcurrentDictionary<IModel, ModelPlan> Plans = new();
    // RelationalTypeMapping.CreateParameter wants a command to create the parameter from; it adds nothing to it.
    private static readonly NpgsqlCommand ParameterFactory = new();

    public static async Task SaveAsync(DbContext db, CancellationToken ct)
    {
        var plan = Plans.GetOrAdd(db.Model, model => new ModelPlan(model));
        // Entries() detects changes first, as SaveChanges would.
        var entries = db.ChangeTracker.Entries().Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted)
            .Select(e => new Change(e, plan.For(e.Metadata))).ToList();
        if (entries.Count == 0) return;

        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        await using var batch = new NpgsqlBatch(connection);
        if (db.Database.CurrentTransaction?.GetDbTransaction() is NpgsqlTransaction transaction) batch.Transaction = transaction;
        var returning = new List<(EntityEntry Entry, IReadOnlyList<ColumnPlan> Generated)>();
        var written = new List<EntityEntry>();

        // Deletes (dependents first), then updates, then inserts (principals first): a row is gone before anything
        // could collide with it, and a dependent's principal exists before it. Within one kind, the order the
        // command made its changes in — journal rows keep their sequence.
        foreach (var (entry, table) in entries.Where(c => c.Entry.State == EntityState.Deleted).OrderByDescending(c => c.Table.Rank))
            written.Add(AddDelete(batch, table, entry));
        foreach (var (entry, table) in entries.Where(c => c.Entry.State == EntityState.Modified).OrderBy(c => c.Table.Rank))
            if (AddUpdate(batch, table, entry)) written.Add(entry);
        foreach (var (entry, table) in entries.Where(c => c.Entry.State == EntityState.Added).OrderBy(c => c.Table.Rank))
        {
            var generated = AddInsert(batch, table, entry);
            if (generated.Count > 0) returning.Add((entry, generated));
            written.Add(entry);
        }
        if (batch.BatchCommands.Count == 0)
        {
            db.ChangeTracker.Clear();
            return;
        }

        await db.Database.OpenConnectionAsync(ct);
        try
        {
            await ExecuteAsync(batch, returning, written, ct);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
        // Written: the command is over and its tracked state is discarded, as the runner does after every write.
        // Clearing is cheaper than AcceptAllChanges, which moves each entry to Unchanged with a new snapshot only for
        // the runner to detach them all a moment later (docs/benchmarks.md).
        db.ChangeTracker.Clear();
    }

    private static async Task ExecuteAsync(NpgsqlBatch batch, List<(EntityEntry Entry, IReadOnlyList<ColumnPlan> Generated)> returning,
        List<EntityEntry> written, CancellationToken ct)
    {
        try
        {
            await using var reader = await batch.ExecuteReaderAsync(ct);
            // Results with columns, in statement order: the guards' (no rows unless one fails), and the generated keys of inserts.
            var next = 0;
            do
            {
                if (reader.FieldCount == 0) continue;
                while (await reader.ReadAsync(ct))
                {
                    if (reader.GetName(0) != GeneratedMarker) continue;
                    var (entry, generated) = returning[next++];
                    for (var i = 0; i < generated.Count; i++)
                    {
                        var property = entry.Property(generated[i].Property);
                        var value = reader.GetValue(i + 1);
                        property.CurrentValue = generated[i].Mapping.Converter is { } converter ? converter.ConvertFromProvider(value) : value;
                        property.IsTemporary = false;
                    }
                }
            }
            while (await reader.NextResultAsync(ct));
        }
        catch (PostgresException ex) when (ex.SqlState == ConcurrencyConflictState)
        {
            throw new DbUpdateConcurrencyException(
                $"The database changed since the command read it ({ex.MessageText}); nothing was written.", ex);
        }
        catch (PostgresException ex)
        {
            throw new DbUpdateException($"Writing the command's changes failed ({ex.SqlState}: {ex.MessageText}); nothing was written.", ex, written);
        }
    }

    private const string GeneratedMarker = "generated";

    private static EntityEntry AddDelete(NpgsqlBatch batch, TablePlan table, EntityEntry entry)
    {
        var command = new NpgsqlBatchCommand();
        var where = Where(command, table, entry);
        command.CommandText = Guarded($"DELETE FROM {table.Name} WHERE {where}", table);
        batch.BatchCommands.Add(command);
        return entry;
    }

    private static bool AddUpdate(NpgsqlBatch batch, TablePlan table, EntityEntry entry)
    {
        var modified = table.Columns.Where(c => !c.IsKey && entry.Property(c.Property).IsModified).ToList();
        if (modified.Count == 0) return false;
        var command = new NpgsqlBatchCommand();
        var set = new StringBuilder();
        foreach (var column in modified)
        {
            if (set.Length > 0) set.Append(", ");
            set.Append(column.Name).Append(" = ").Append(Parameter(command, column, entry.Property(column.Property).CurrentValue));
        }
        var where = Where(command, table, entry);
        command.CommandText = Guarded($"UPDATE {table.Name} SET {set} WHERE {where}", table);
        batch.BatchCommands.Add(command);
        return true;
    }

    private static IReadOnlyList<ColumnPlan> AddInsert(NpgsqlBatch batch, TablePlan table, EntityEntry entry)
    {
        var command = new NpgsqlBatchCommand();
        var columns = new StringBuilder();
        var values = new StringBuilder();
        var generated = new List<ColumnPlan>();
        foreach (var column in table.Columns)
        {
            var property = entry.Property(column.Property);
            // A temporary value stands for one the database generates (an identity key): leave it to the database.
            if (property.IsTemporary)
            {
                generated.Add(column);
                continue;
            }
            if (columns.Length > 0) { columns.Append(", "); values.Append(", "); }
            columns.Append(column.Name);
            values.Append(Parameter(command, column, property.CurrentValue));
        }
        var sql = $"INSERT INTO {table.Name} ({columns}) VALUES ({values})";
        if (generated.Count > 0)
            sql += $" RETURNING 1 AS {GeneratedMarker}, " + string.Join(", ", generated.Select(c => c.Name));
        command.CommandText = sql;
        batch.BatchCommands.Add(command);
        return generated;
    }

    /// <summary>The row as the command read it: its key and, where the table has them, its concurrency tokens' original values.</summary>
    private static string Where(NpgsqlBatchCommand command, TablePlan table, EntityEntry entry)
    {
        var where = new StringBuilder();
        foreach (var column in table.RowIdentity)
        {
            if (where.Length > 0) where.Append(" AND ");
            var original = entry.Property(column.Property).OriginalValue;
            where.Append(column.Name).Append(original is null ? " IS NULL" : " = " + Parameter(command, column, original));
        }
        return where.ToString();
    }

    /// <summary>
    /// The statement, made to abort the batch unless it changed its row. Its WHERE names the primary key, so it changes
    /// one row or none; the check runs the function only when none changed, and needs no aggregate: an aggregate's
    /// set-up per statement and the function call cost a few per cent of a completion's server CPU (docs/benchmarks.md).
    /// </summary>
    private static string Guarded(string statement, TablePlan table) =>
        $"WITH changed AS ({statement} RETURNING 1) "
        + $"SELECT {table.Guard}(0, '{table.Label}') WHERE NOT EXISTS (SELECT FROM changed)";

    private static string Parameter(NpgsqlBatchCommand command, ColumnPlan column, object? value)
    {
        command.Parameters.Add(column.Mapping.CreateParameter(ParameterFactory, "", value, column.Property.IsNullable));
        return "$" + command.Parameters.Count.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    private sealed class ModelPlan
    {
        private readonly Dictionary<IEntityType, TablePlan> _tables;

        public ModelPlan(IModel model)
        {
            var types = model.GetEntityTypes().Where(t => t.GetTableName() is not null).ToList();
            var ranks = new Dictionary<IEntityType, int>();
            int RankOf(IEntityType type, int depth)
            {
                if (ranks.TryGetValue(type, out var known)) return known;
                if (depth > types.Count) throw new InvalidOperationException($"Foreign keys of {type.ClrType.Name} form a cycle.");
                var rank = type.GetForeignKeys().Where(f => f.PrincipalEntityType != type)
                    .Select(f => RankOf(f.PrincipalEntityType, depth + 1) + 1).DefaultIfEmpty(0).Max();
                ranks[type] = rank;
                return rank;
            }
            _tables = types.ToDictionary(t => t, t => new TablePlan(t, RankOf(t, 0)));
        }

        public TablePlan For(IEntityType type) => _tables[type];
    }

    private sealed class TablePlan
    {
        public TablePlan(IEntityType type, int rank)
        {
            Label = StoreNames.TableName(type);
            Name = StoreNames.Table(type);
            Guard = StoreNames.Function(type, "expect_one_row");
            Rank = rank;
            Columns = [.. type.GetProperties().Select(p => new ColumnPlan(p, $"\"{StoreNames.Column(type, p)}\"", p.GetRelationalTypeMapping(), p.IsPrimaryKey()))];
            RowIdentity = [.. Columns.Where(c => c.IsKey || c.Property.IsConcurrencyToken)];
        }

        public string Name { get; }
        public string Label { get; }
        /// <summary><c>expect_one_row</c>, in the schema the <c>Initial</c> migration created it in: the model's.</summary>
        public string Guard { get; }
        public int Rank { get; }
        public IReadOnlyList<ColumnPlan> Columns { get; }
        /// <summary>The key and the concurrency tokens: what an update or delete matches the row as read by.</summary>
        public IReadOnlyList<ColumnPlan> RowIdentity { get; }
    }

    private sealed record ColumnPlan(IProperty Property, string Name, RelationalTypeMapping Mapping, bool IsKey);

    private readonly record struct Change(EntityEntry Entry, TablePlan Table);
}
