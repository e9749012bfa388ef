using Npgsql;
using Testcontainers.PostgreSql;

namespace Shizhu.Testing.Databases;

/// <summary>
/// A real PostgreSQL for the tests: the server named by SHIZHU_TEST_POSTGRES (tests/run.sh starts one on
/// loopback), or else a Testcontainers container where a Docker engine answers. Each instance gets a fresh database.
/// </summary>
public sealed class TestPostgres : IAsyncDisposable
{
    private PostgreSqlContainer? _container;
    private string _adminConnectionString = "";

    public string ConnectionString { get; private set; } = "";

    public async Task StartAsync()
    {
        var configured = Environment.GetEnvironmentVariable("SHIZHU_TEST_POSTGRES");
        if (!string.IsNullOrEmpty(configured))
        {
            _adminConnectionString = configured;
        }
        else
        {
            try
            {
                _container = new PostgreSqlBuilder("postgres:15-alpine").Build();
                await _container.StartAsync();
                _adminConnectionString = _container.GetConnectionString();
            }
            catch (Exception ex) when (ex.GetType().Name == "DockerUnavailableException")
            {
                throw new InvalidOperationException(
                    "No PostgreSQL for the tests: set SHIZHU_TEST_POSTGRES (run the tests with `bash tests/run.sh`) or start a Docker engine.", ex);
            }
        }

        var database = $"shizhu_test_{Guid.NewGuid():N}"[..24];
        await ExecuteAsync($"CREATE DATABASE {database}");
        ConnectionString = new NpgsqlConnectionStringBuilder(_adminConnectionString) { Database = database, MaxPoolSize = 50 }.ConnectionString;
    }

    /// <summary>Runs a statement on the server's maintenance database (creating or dropping databases).</summary>
    public async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(_adminConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        if (_container is not null)
        {
            await _container.DisposeAsync();
            return;
        }
        if (string.IsNullOrEmpty(ConnectionString)) return;
        var database = new NpgsqlConnectionStringBuilder(ConnectionString).Database;
        await ExecuteAsync($"DROP DATABASE IF EXISTS {database} WITH (FORCE)");
    }
}
