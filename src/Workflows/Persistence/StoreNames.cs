using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Shizhu.Workflows.Persistence;

/// <summary>
/// Table and column names as the EF Core model (and so the migrations) maps them, for the statements the engine writes
/// itself on PostgreSQL (<see cref="Postgres.RowMaterializer{T}"/>, <see cref="Postgres.ChangeSetBatch"/>,
/// <see cref="Postgres.TaskStateBatch"/>), the Host's outbox relay and the start-up's seed marks: no table or column
/// name is written by hand, so a renamed column cannot leave a statement behind.
/// </summary>
public static class StoreNames
{
    /// <summary>The entity's table, schema-qualified and quoted.</summary>
    public static string Table(IEntityType type) =>
        type.GetSchema() is { } schema ? $"\"{schema}\".\"{TableName(type)}\"" : $"\"{TableName(type)}\"";

    /// <summary>The table of <typeparamref name="T"/>, schema-qualified and quoted.</summary>
    public static string Table<T>(IModel model) => Table(EntityType<T>(model));

    /// <summary>The property's column in the entity's table, unquoted.</summary>
    public static string Column(IEntityType type, IProperty property) =>
        property.GetColumnName(StoreObjectIdentifier.Table(TableName(type), type.GetSchema()))
        ?? throw new InvalidOperationException($"{type.ClrType.Name}.{property.Name} has no column.");

    /// <summary>The column of <typeparamref name="T"/>'s property <paramref name="propertyName"/>, quoted.</summary>
    public static string Column<T>(IModel model, string propertyName)
    {
        var type = EntityType<T>(model);
        var property = type.FindProperty(propertyName) ?? throw new ArgumentException($"{typeof(T).Name}.{propertyName} is not mapped.", nameof(propertyName));
        return $"\"{Column(type, property)}\"";
    }

    public static string TableName(IEntityType type) =>
        type.GetTableName() ?? throw new InvalidOperationException($"{type.ClrType.Name} is not mapped to a table.");

    /// <summary>A function the migrations created beside the entity's table, schema-qualified (<c>expect_one_row</c>).</summary>
    public static string Function(IEntityType type, string name) => type.GetSchema() is { } schema ? $"\"{schema}\".{name}" : name;

    private static IEntityType EntityType<T>(IModel model) =>
        model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not mapped.");
}
