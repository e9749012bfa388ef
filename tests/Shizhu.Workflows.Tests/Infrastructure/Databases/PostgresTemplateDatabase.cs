using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using Npgsql;
using Shizhu.Workflows.Persistence.Postgres;
using Shizhu.Workflows.ReferenceData;

namespace Shizhu.Workflows.Tests.Infrastructure.Databases;

/// <summary>
/// The migrated and seeded database the engine suite copies for every harness, created once per test run on the
/// tests' PostgreSQL server and dropped with the server's other test databases when the run ends.
/// </summary>
internal sealed class PostgresTemplateDatabase
{
    private readonly TestPostgres _server;
    private readonly string _name;

    private PostgresTemplateDatabase(TestPostgres server)
    {
        _server = server;
        _name = new NpgsqlConnectionStringBuilder(server.ConnectionString).Database!;
    }

    public static async Task<PostgresTemplateDatabase> CreateAsync()
    {
        var server = new TestPostgres();
        await server.StartAsync();
        // The run's end drops the template and whatever copy a failed test left behind.
        AppDomain.CurrentDomain.ProcessExit += (_, _) => server.DisposeAsync().AsTask().GetAwaiter().GetResult();
        await using (var db = new PostgresWorkflowDbContext(PostgresEngineDatabase.Options(server.ConnectionString, [])))
        {
            await db.Database.MigrateAsync(CancellationToken.None);
            await new ReferenceDataSeeder(db, new FakeTimeProvider(EngineHarness.January2022)).SeedAsync(CancellationToken.None);
        }
        // CREATE DATABASE … TEMPLATE refuses a template anyone is connected to.
        NpgsqlConnection.ClearAllPools();
        return new PostgresTemplateDatabase(server);
    }

    /// <summary>Creates a copy of the template and answers its connection string.</summary>
    public async Task<string> CopyAsync()
    {
        var copy = $"{_name}_{Guid.NewGuid():N}"[..40];
        await _server.ExecuteAsync($"CREATE DATABASE {copy} TEMPLATE {_name}");
        return new NpgsqlConnectionStringBuilder(_server.ConnectionString) { Database = copy }.ConnectionString;
    }

    /// <summary>Drops a copy; FORCE ends the connections its pool still holds.</summary>
    public Task DropCopyAsync(string connectionString) =>
        _server.ExecuteAsync($"DROP DATABASE IF EXISTS {new NpgsqlConnectionStringBuilder(connectionString).Database} WITH (FORCE)");
}
