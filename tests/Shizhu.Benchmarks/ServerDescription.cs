using Npgsql;

namespace Shizhu.Benchmarks;

/// <summary>The server's version and the settings that make a commit durable, for the report's heading.</summary>
internal static class ServerDescription
{
    public static async Task<string> ReadAsync(string connectionString, CancellationToken ct)
    {
        const string sql = """
            select split_part(version(), ' ', 1) || ' ' || current_setting('server_version')
                || ' (fsync=' || current_setting('fsync') || ', synchronous_commit=' || current_setting('synchronous_commit') || ')'
            """;
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(ct);
        await using var command = new NpgsqlCommand(sql, connection);
        return (string)(await command.ExecuteScalarAsync(ct))!;
    }
}
