using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Shizhu.Workflows.Persistence.Postgres;

/// <summary>
/// Table and column names as the EF Core model (and so the migrations) maps them, for the statements the engine writes
/// itself on PostgreSQL (<see cref="RowMaterializer{T}"/>, <see cref="ChangeSetBatch"/>).
/// </summary>
internal static class StoreNames
{
    /// <summary>The entity's table, schema-qualified and quoted.</summary>
    public static string Table(IEntityType type) =>
        type.GetSchema() is { } schema ? $"\"{schema}\".\"{TableName(type)}\"" : $"\"{TableName(type)}\"";

    /// <summary>The property's column in the entity's table, unquoted.</summary>
    public static string Column(IEntityType type, IProperty property) =>
        property.GetColumnName(StoreObjectIdentifier.Table(TableName(type), type.GetSchema()))
        ?? throw new InvalidOperationException($"{type.ClrType.Name}.{property.Name} has no column.");

    public static string TableName(IEntityType type) =>
        type.GetTableName() ?? throw new InvalidOperationException($"{type.ClrType.Name} is not mapped to a table.");
}
