using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Shizhu.Workflows.Persistence;
using Shizhu.Workflows.Persistence.Sqlite;
using Shizhu.Workflows.ReferenceData;

namespace Shizhu.Workflows.Tests.Infrastructure.Databases;

public sealed class SqliteEngineDatabase : EngineDatabase
{
    /// <summary>
    /// The database every harness starts from: migrated and seeded once per test run, then copied into each harness's
    /// own in-memory database by SQLite's online backup, which gives what migrating and seeding would, ~20 times faster.
    /// </summary>
    private static readonly Lazy<Task<SqliteConnection>> Seeded = new(async () =>
    {
        var connection = new SqliteConnection("Data Source=:memory:");
        connection.Open();
        await using var db = new SqliteWorkflowDbContext(Options(connection, []));
        db.Database.SetDbConnection(connection);
        await db.Database.MigrateAsync(CancellationToken.None);
        await new ReferenceDataSeeder(db, new FakeTimeProvider(EngineHarness.January2022)).SeedAsync(CancellationToken.None);
        return connection;
    });

    public override async Task<HarnessDatabase> CreateAsync(IInterceptor[] interceptors)
    {
        // The database lives exactly as long as this connection stays open.
        var connection = new SqliteConnection("Data Source=:memory:");
        connection.Open();
        var seeded = await Seeded.Value;
        lock (seeded) seeded.BackupDatabase(connection);
        return new Database(connection, Options(connection, interceptors));
    }

    private static DbContextOptions<SqliteWorkflowDbContext> Options(SqliteConnection connection, IInterceptor[] interceptors)
    {
        var options = new DbContextOptionsBuilder<SqliteWorkflowDbContext>();
        options.UseWorkflowSqlite(connection.ConnectionString).AddInterceptors(interceptors);
        return options.Options;
    }

    private sealed class Database(SqliteConnection connection, DbContextOptions<SqliteWorkflowDbContext> options) : HarnessDatabase
    {
        public override void AddTo(IServiceCollection services)
        {
            services.AddScoped<WorkflowDbContext>(_ => NewDbContext());
            services.AddWorkflowStore(DatabaseProvider.Sqlite);
        }

        public override WorkflowDbContext NewDbContext()
        {
            var db = new SqliteWorkflowDbContext(options);
            db.Database.SetDbConnection(connection);
            return db;
        }

        public override ValueTask DisposeAsync() => connection.DisposeAsync();
    }
}
