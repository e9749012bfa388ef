using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Shizhu.Host.Identity;
using Shizhu.Notifications.Persistence;
using Shizhu.Notifications.Persistence.Postgres;
using Shizhu.Notifications.Persistence.Sqlite;
using Shizhu.Workflows.Persistence;
using Shizhu.Workflows.Persistence.Postgres;
using Shizhu.Workflows.Persistence.Sqlite;

namespace Shizhu.Host.Tests.Persistence;

/// <summary>
/// The compiled EF Core models (ADR 0049) are generated code: a change to an entity or its configuration that is not
/// followed by <c>tests/scripts/compiled-models.sh</c> would leave the Host running on the old model. Each context, on
/// both providers, must (1) really start on its compiled model, and (2) have a compiled model that says the same as the
/// model EF builds from <c>OnModelCreating</c> today — compared as listings of what the runtime reads: tables, columns,
/// store types, keys and foreign keys; entities, properties with their CLR types and converters, navigations, filters.
/// (EF's migrations differ cannot take a compiled model: it is read-optimised and lacks design-time annotations.)
/// No database is opened: building a model needs none.
/// </summary>
[Trait("Category", "Unit")]
public sealed class CompiledModelTests
{
    public static TheoryData<string> Contexts => new()
    {
        nameof(PostgresWorkflowDbContext), nameof(SqliteWorkflowDbContext),
        nameof(PostgresNotificationDbContext), nameof(SqliteNotificationDbContext),
        nameof(PostgresIdentityDbContext), nameof(SqliteIdentityDbContext),
    };

    [Theory]
    [MemberData(nameof(Contexts))]
    public void TheContextStartsOnItsCompiledModel(string context)
    {
        using var db = Create(context);

        // The generated class is named after the context; EF finds it through the assembly's DbContextModel attribute.
        Assert.Equal(context + "Model", db.Model.GetType().Name);
        Assert.IsAssignableFrom<RuntimeModel>(db.Model);
    }

    [Theory]
    [MemberData(nameof(Contexts))]
    public void TheCompiledModelMapsTheSameTablesColumnsAndConstraintsAsTheModelBuiltFromTheCode(string context)
    {
        using var db = Create(context);
        var built = db.GetService<IDesignTimeModel>().Model;
        Assert.IsNotAssignableFrom<RuntimeModel>(built);

        Assert.Equal(Schema(built.GetRelationalModel()), Schema(db.Model.GetRelationalModel()));
    }

    [Theory]
    [MemberData(nameof(Contexts))]
    public void TheCompiledModelHasTheSameEntitiesPropertiesAndNavigationsAsTheModelBuiltFromTheCode(string context)
    {
        using var db = Create(context);
        var built = db.GetService<IDesignTimeModel>().Model;

        Assert.Equal(Listing(built), Listing(db.Model));
    }

    private static DbContext Create(string context) => context switch
    {
        nameof(PostgresWorkflowDbContext) => new PostgresWorkflowDbContext(Options<PostgresWorkflowDbContext>(b => b.UseWorkflowPostgres(PostgresConnection))),
        nameof(SqliteWorkflowDbContext) => new SqliteWorkflowDbContext(Options<SqliteWorkflowDbContext>(b => b.UseWorkflowSqlite(SqliteConnection))),
        nameof(PostgresNotificationDbContext) => new PostgresNotificationDbContext(Options<PostgresNotificationDbContext>(b => b.UseNotificationPostgres(PostgresConnection))),
        nameof(SqliteNotificationDbContext) => new SqliteNotificationDbContext(Options<SqliteNotificationDbContext>(b => b.UseNotificationSqlite(SqliteConnection))),
        nameof(PostgresIdentityDbContext) => new PostgresIdentityDbContext(Options<PostgresIdentityDbContext>(b => b.UseIdentityPostgres(PostgresConnection))),
        nameof(SqliteIdentityDbContext) => new SqliteIdentityDbContext(Options<SqliteIdentityDbContext>(b => b.UseIdentitySqlite(SqliteConnection))),
        _ => throw new ArgumentOutOfRangeException(nameof(context), context, null),
    };

    // Never opened: the models are built without a connection.
    private const string PostgresConnection = "Host=127.0.0.1;Port=1;Database=none";
    private const string SqliteConnection = "Data Source=:memory:";

    private static DbContextOptions<T> Options<T>(Action<DbContextOptionsBuilder> configure) where T : DbContext
    {
        var builder = new DbContextOptionsBuilder<T>();
        configure(builder);
        return builder.Options;
    }

    /// <summary>
    /// The tables as the runtime sees them, one line per fact: columns with store types and nullability, keys, foreign
    /// keys and their delete actions, index names. (An index's filter lives only in the design-time model: migrations
    /// read it from there, never from the compiled one.)
    /// </summary>
    private static List<string> Schema(IRelationalModel model) =>
    [
        .. model.Tables.OrderBy(t => t.SchemaQualifiedName, StringComparer.Ordinal).SelectMany(table =>
            new[] { $"table {table.SchemaQualifiedName}" }
                .Concat(table.Columns.Select(c => $"{table.Name}.{c.Name}: {c.StoreType}, nullable {c.IsNullable}"))
                .Concat(table.UniqueConstraints.Select(k => $"{table.Name} key {k.Name} ({Columns(k.Columns)}), primary {k.GetIsPrimaryKey()}"))
                .Concat(table.ForeignKeyConstraints.Select(k => $"{table.Name} fk {k.Name} ({Columns(k.Columns)}) → {k.PrincipalTable.Name} ({Columns(k.PrincipalColumns)}), {k.OnDeleteAction}"))
                .Concat(table.Indexes.Select(i => $"{table.Name} index {i.Name} ({Columns(i.Columns)}), unique {i.IsUnique}"))
                .Order(StringComparer.Ordinal)),
        .. model.Sequences.Select(s => $"sequence {s.Schema}.{s.Name}").Order(StringComparer.Ordinal),
    ];

    private static string Columns(IEnumerable<IColumn> columns) => string.Join(",", columns.Select(c => c.Name));

    /// <summary>What the runtime uses beyond the schema, one line per fact, in a stable order.</summary>
    private static List<string> Listing(IModel model) =>
    [
        .. model.GetEntityTypes().OrderBy(e => e.Name, StringComparer.Ordinal).SelectMany(entity =>
            new[] { $"{entity.Name}: table {entity.GetSchema()}.{entity.GetTableName()}, owned {entity.IsOwned()}, filters {entity.GetDeclaredQueryFilters().Count}, base {entity.BaseType?.Name}" }
                .Concat(entity.GetProperties().Select(p =>
                    $"{entity.Name}.{p.Name}: {p.ClrType.Name}, nullable {p.IsNullable}, column {p.GetColumnName()}, converter {p.GetTypeMapping().Converter?.GetType().Name}, "
                    + $"generated {p.ValueGenerated}, concurrency {p.IsConcurrencyToken}, max {p.GetMaxLength()}, field {p.FieldInfo?.Name}"))
                .Concat(entity.GetNavigations().Select(n => $"{entity.Name}.{n.Name} → {n.TargetEntityType.Name}, collection {n.IsCollection}, field {n.FieldInfo?.Name}"))
                .Concat(entity.GetSkipNavigations().Select(n => $"{entity.Name}.{n.Name} ⇄ {n.TargetEntityType.Name}"))
                .Concat(entity.GetForeignKeys().Select(k => $"{entity.Name} FK ({string.Join(",", k.Properties.Select(p => p.Name))}) → {k.PrincipalEntityType.Name}, {k.DeleteBehavior}, required {k.IsRequired}"))
                .Order(StringComparer.Ordinal)),
    ];
}
