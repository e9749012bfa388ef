using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Shizhu.Workflows.Tests.Infrastructure.Databases;

/// <summary>
/// A database engine the engine suite runs on. Every engine test class is abstract over it and has two concrete
/// subclasses, <c>…OnSqlite</c> and <c>…OnPostgres</c>, so the path production takes (PostgreSQL with its batch
/// persistence) is exercised by the same tests as the embedded one (ADR 0019).
/// </summary>
public abstract class EngineDatabase
{
    /// <summary>A private SQLite in-memory database per harness.</summary>
    public static EngineDatabase Sqlite { get; } = new SqliteEngineDatabase();

    /// <summary>A private database per harness on the real PostgreSQL of the tests (SHIZHU_TEST_POSTGRES or Testcontainers).</summary>
    public static EngineDatabase Postgres { get; } = new PostgresEngineDatabase();

    /// <summary>
    /// A fresh database of its own for one harness, migrated as production migrates and seeded with the county's
    /// reference data; <paramref name="interceptors"/> join every context opened on it.
    /// </summary>
    public abstract Task<HarnessDatabase> CreateAsync(IInterceptor[] interceptors);

    public override string ToString() => GetType().Name.Replace("EngineDatabase", "", StringComparison.Ordinal);
}
