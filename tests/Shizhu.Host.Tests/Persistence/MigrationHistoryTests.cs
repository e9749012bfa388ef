using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Shizhu.Host.Identity;
using Shizhu.Host.Setup;
using Shizhu.Notifications.Persistence;
using Shizhu.Notifications.Persistence.Postgres;
using Shizhu.Notifications.Persistence.Sqlite;
using Shizhu.Testing.Databases;
using Shizhu.Workflows.Persistence;
using Shizhu.Workflows.Persistence.Postgres;
using Shizhu.Workflows.Persistence.Sqlite;

namespace Shizhu.Host.Tests.Persistence;

/// <summary>
/// The start-up's schema check (ADR 0052) reads the history tables itself instead of asking EF Core. It may only ever
/// answer "nothing pending" when EF Core would: on a database every migration was applied to, and never on a new
/// database or one a migration is missing from (the Host then migrates through EF Core).
/// </summary>
public abstract class MigrationHistoryTests
{
    protected abstract DatabaseProvider Provider { get; }

    protected abstract IReadOnlyList<(Type Context, DbContextOptions Options)> Contexts(string connectionString);

    protected abstract Task<string> NewDatabaseAsync();

    protected abstract Task ExecuteAsync(string connectionString, string sql);

    protected abstract string WorkflowsHistoryTable { get; }

    [Fact]
    public async Task AFullyMigratedDatabaseHasNothingPendingAndEfCoreAgrees()
    {
        var database = await NewDatabaseAsync();
        await MigrateAsync(database);

        Assert.True(await MigrationHistory.AllAppliedAsync(Provider, Contexts(database), CancellationToken.None));
        foreach (var (_, options) in Contexts(database))
        {
            await using var db = Create(options);
            Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        }
    }

    [Fact]
    public async Task ANewDatabaseIsNotUpToDate()
    {
        var database = await NewDatabaseAsync();

        Assert.False(await MigrationHistory.AllAppliedAsync(Provider, Contexts(database), CancellationToken.None));
    }

    [Fact]
    public async Task ADatabaseMissingTheNewestMigrationOfOneContextIsNotUpToDateAndEfCoreAgrees()
    {
        var database = await NewDatabaseAsync();
        await MigrateAsync(database);
        var workflows = Contexts(database)[0];
        string newest;
        await using (var db = Create(workflows.Options))
            newest = (await db.Database.GetAppliedMigrationsAsync()).Max(StringComparer.Ordinal)!;

        await ExecuteAsync(database, $"DELETE FROM {WorkflowsHistoryTable} WHERE migration_id = '{newest}'");

        Assert.False(await MigrationHistory.AllAppliedAsync(Provider, Contexts(database), CancellationToken.None));
        await using (var db = Create(workflows.Options))
            Assert.Equal([newest], await db.Database.GetPendingMigrationsAsync());
    }

    private async Task MigrateAsync(string database)
    {
        foreach (var (_, options) in Contexts(database))
        {
            await using var db = Create(options);
            await db.Database.MigrateAsync();
        }
    }

    private static DbContext Create(DbContextOptions options) =>
        (DbContext)Activator.CreateInstance(options.ContextType, options)!;

    protected static DbContextOptions<T> Options<T>(Action<DbContextOptionsBuilder> configure) where T : DbContext
    {
        var builder = new DbContextOptionsBuilder<T>();
        configure(builder);
        return builder.Options;
    }
}

[Trait("Category", "Unit")]
public sealed class MigrationHistoryTestsOnSqlite : MigrationHistoryTests, IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("shizhu-history-").FullName;

    protected override DatabaseProvider Provider => DatabaseProvider.Sqlite;

    protected override string WorkflowsHistoryTable => "__ef_migrations_history_workflows";

    protected override IReadOnlyList<(Type Context, DbContextOptions Options)> Contexts(string connectionString) =>
    [
        (typeof(SqliteWorkflowDbContext), Options<SqliteWorkflowDbContext>(b => b.UseWorkflowSqlite(connectionString))),
        (typeof(SqliteNotificationDbContext), Options<SqliteNotificationDbContext>(b => b.UseNotificationSqlite(connectionString))),
        (typeof(SqliteIdentityDbContext), Options<SqliteIdentityDbContext>(b => b.UseIdentitySqlite(connectionString))),
    ];

    protected override Task<string> NewDatabaseAsync() =>
        Task.FromResult($"Data Source={Path.Combine(_folder, Guid.NewGuid().ToString("N"))}.db;Pooling=false");

    protected override async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}

[Trait("Category", "Postgres")]
public sealed class MigrationHistoryTestsOnPostgres : MigrationHistoryTests, IAsyncLifetime
{
    private readonly List<TestPostgres> _databases = [];

    protected override DatabaseProvider Provider => DatabaseProvider.Postgres;

    protected override string WorkflowsHistoryTable => $"{PostgresWorkflowDbContext.Schema}.__ef_migrations_history";

    protected override IReadOnlyList<(Type Context, DbContextOptions Options)> Contexts(string connectionString) =>
    [
        (typeof(PostgresWorkflowDbContext), Options<PostgresWorkflowDbContext>(b => b.UseWorkflowPostgres(connectionString))),
        (typeof(PostgresNotificationDbContext), Options<PostgresNotificationDbContext>(b => b.UseNotificationPostgres(connectionString))),
        (typeof(PostgresIdentityDbContext), Options<PostgresIdentityDbContext>(b => b.UseIdentityPostgres(connectionString))),
    ];

    protected override async Task<string> NewDatabaseAsync()
    {
        var database = new TestPostgres();
        _databases.Add(database);
        await database.StartAsync();
        return database.ConnectionString;
    }

    protected override async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var database in _databases) await database.DisposeAsync();
    }
}
