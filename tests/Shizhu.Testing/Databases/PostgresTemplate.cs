using Npgsql;

namespace Shizhu.Testing.Databases;

/// <summary>
/// A database prepared once per test run (migrated and seeded by <c>prepare</c>) on the tests' PostgreSQL server, and
/// copied by <c>CREATE DATABASE … TEMPLATE</c> for every harness or Host that needs one of its own: a copy takes a
/// fraction of a second where migrating and seeding take many. The template is dropped when the test process ends.
/// </summary>
public sealed class PostgresTemplate
{
    private readonly TestPostgres _server;
    private readonly string _name;

    private PostgresTemplate(TestPostgres server)
    {
        _server = server;
        _name = new NpgsqlConnectionStringBuilder(server.ConnectionString).Database!;
    }

    /// <summary>A fresh database handed to <paramref name="prepare"/> (its connection string), then kept as the template.</summary>
    public static async Task<PostgresTemplate> CreateAsync(Func<string, Task> prepare)
    {
        var server = new TestPostgres();
        await server.StartAsync();
        // The run's end drops the template and whatever copy a failed test left behind.
        AppDomain.CurrentDomain.ProcessExit += (_, _) => server.DisposeAsync().AsTask().GetAwaiter().GetResult();
        await prepare(server.ConnectionString);
        // CREATE DATABASE … TEMPLATE refuses a template anyone is connected to. What prepared it is done, but pools may
        // still hold its connections — some under connection strings of their own (a library's) — so they are ended
        // on the server; other tests' databases and pools are left alone.
        await using (var connection = new NpgsqlConnection(server.ConnectionString)) NpgsqlConnection.ClearPool(connection);
        var name = new NpgsqlConnectionStringBuilder(server.ConnectionString).Database!;
        await server.ExecuteAsync($"SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '{name}' AND pid <> pg_backend_pid()");
        return new PostgresTemplate(server);
    }

    /// <summary>Creates a copy of the template and answers its connection string (pool at most <paramref name="maxPoolSize"/>).</summary>
    public async Task<string> CopyAsync(int maxPoolSize = 50)
    {
        var copy = $"{_name}_{Guid.NewGuid():N}"[..40];
        // A session just ended may hold the template for a moment.
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await _server.ExecuteAsync($"CREATE DATABASE {copy} TEMPLATE {_name}");
                break;
            }
            catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.ObjectInUse && attempt < 10)
            {
                await Task.Delay(200);
            }
        }
        return new NpgsqlConnectionStringBuilder(_server.ConnectionString) { Database = copy, MaxPoolSize = maxPoolSize }.ConnectionString;
    }

    /// <summary>Drops a copy; FORCE ends the connections its pool still holds.</summary>
    public Task DropCopyAsync(string connectionString) =>
        _server.ExecuteAsync($"DROP DATABASE IF EXISTS {new NpgsqlConnectionStringBuilder(connectionString).Database} WITH (FORCE)");
}
