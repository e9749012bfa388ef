using System.Collections.Concurrent;
using System.Data.Common;
using System.Linq.Expressions;
using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Shizhu.Workflows.Persistence.Postgres;

/// <summary>
/// Reads rows of one entity type from a hand-written batch, driven by the EF Core model: the column list and the
/// value conversions (enums stored as text, UTC instants) come from the same mapping the migrations use, so a
/// column added to the model is read here too without anyone remembering this class.
/// </summary>
internal sealed class RowMaterializer<T> where T : class
{
    private static readonly ConcurrentDictionary<IModel, RowMaterializer<T>> ByModel = new();
    // Compiled once: reflection's PropertyInfo.SetValue and Activator.CreateInstance cost more than the read itself
    // for the two dozen rows a completion reads.
    private static readonly Func<T> Create = Expression.Lambda<Func<T>>(Expression.New(typeof(T))).Compile();
    private readonly Column[] _columns;

    private RowMaterializer(IModel model)
    {
        var entity = model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not mapped.");
        Table = StoreNames.Table(entity);
        _columns = entity.GetProperties().Select(p => new Column(
            StoreNames.Column(entity, p),
            (PropertyInfo?)p.PropertyInfo ?? throw new InvalidOperationException($"{typeof(T).Name}.{p.Name} is not a CLR property."),
            p.GetRelationalTypeMapping().Converter)).ToArray();
        SelectList = string.Join(", ", _columns.Select(c => $"\"{c.Name}\""));
    }

    /// <summary>The quoted column of <paramref name="propertyName"/>.</summary>
    public string ColumnOf(string propertyName) =>
        _columns.FirstOrDefault(c => c.Property.Name == propertyName) is { } column
            ? $"\"{column.Name}\""
            : throw new ArgumentException($"{typeof(T).Name}.{propertyName} is not mapped.", nameof(propertyName));

    public static RowMaterializer<T> For(DbContext db) => ByModel.GetOrAdd(db.Model, model => new RowMaterializer<T>(model));

    /// <summary>The table, schema-qualified.</summary>
    public string Table { get; }

    /// <summary>Every mapped column, in the order <see cref="ReadAllAsync"/> expects them.</summary>
    public string SelectList { get; }

    /// <summary>Every mapped column qualified by <paramref name="alias"/>, for a statement that joins several tables.</summary>
    public string SelectListOf(string alias) => string.Join(", ", _columns.Select(c => $"{alias}.\"{c.Name}\""));

    /// <summary>How many columns a row of <typeparamref name="T"/> takes in a result.</summary>
    public int ColumnCount => _columns.Length;

    public async Task<List<T>> ReadAllAsync(DbDataReader reader, CancellationToken ct)
    {
        var rows = new List<T>();
        while (await reader.ReadAsync(ct)) rows.Add(Read(reader));
        return rows;
    }

    /// <summary>Reads one <typeparamref name="T"/> from the current row, its columns starting at <paramref name="offset"/>.</summary>
    public T Read(DbDataReader reader, int offset = 0)
    {
        var entity = Create();
        for (var i = 0; i < _columns.Length; i++)
        {
            var column = _columns[i];
            column.Set(entity, reader.IsDBNull(offset + i) ? null : column.Convert(reader, offset + i));
        }
        return entity;
    }

    /// <summary>The entity's mapped property values, in column order: what it held when it was read.</summary>
    public object?[] Snapshot(T entity)
    {
        var values = new object?[_columns.Length];
        for (var i = 0; i < _columns.Length; i++) values[i] = _columns[i].Get(entity);
        return values;
    }

    /// <summary>The properties whose value differs from <paramref name="snapshot"/>, with the value they had.</summary>
    public IEnumerable<(string Property, object? Original)> ChangedSince(T entity, object?[] snapshot)
    {
        for (var i = 0; i < _columns.Length; i++)
            if (!Equals(_columns[i].Get(entity), snapshot[i]))
                yield return (_columns[i].Property.Name, snapshot[i]);
    }

    private sealed record Column(string Name, PropertyInfo Property, ValueConverter? Converter)
    {
        private readonly Type _stored = Nullable.GetUnderlyingType(Converter?.ProviderClrType ?? Property.PropertyType)
            ?? Converter?.ProviderClrType ?? Property.PropertyType;

        /// <summary>Assigns a column's value (null for SQL NULL) to the property; init-only setters included.</summary>
        public Action<T, object?> Set { get; } = CompileSetter(Property);

        public Func<T, object?> Get { get; } = CompileGetter(Property);

        private static Func<T, object?> CompileGetter(PropertyInfo property)
        {
            var entity = Expression.Parameter(typeof(T), "entity");
            return Expression.Lambda<Func<T, object?>>(Expression.Convert(Expression.Property(entity, property), typeof(object)), entity).Compile();
        }

        private static Action<T, object?> CompileSetter(PropertyInfo property)
        {
            var entity = Expression.Parameter(typeof(T), "entity");
            var value = Expression.Parameter(typeof(object), "value");
            var assign = Expression.Assign(Expression.Property(entity, property), Expression.Convert(value, property.PropertyType));
            return Expression.Lambda<Action<T, object?>>(assign, entity, value).Compile();
        }

        public object? Convert(DbDataReader reader, int ordinal)
        {
            // Npgsql hands out timestamptz as a UTC DateTime unless asked for a DateTimeOffset.
            object value = _stored == typeof(DateTimeOffset) ? reader.GetFieldValue<DateTimeOffset>(ordinal) : reader.GetValue(ordinal);
            return Converter is null ? value : Converter.ConvertFromProvider(value);
        }
    }
}
