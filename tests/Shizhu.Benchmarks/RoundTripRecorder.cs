using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Shizhu.Benchmarks;

/// <summary>
/// Records what one traced completion sends to the server: every command (an EF Core batch is one command,
/// one round trip), every connection taken from and given back to the pool, and the transaction. Used on a
/// separate engine instance, never on the measured one.
/// </summary>
internal sealed class RoundTripRecorder : IDbCommandInterceptor, IDbConnectionInterceptor, IDbTransactionInterceptor
{
    private readonly List<string> _events = [];

    public IReadOnlyList<string> Events => _events;
    public int Commands { get; private set; }
    public int Statements { get; private set; }
    public int ConnectionOpens { get; private set; }
    public int Commits { get; private set; }

    /// <summary>Server round trips: each command is one, and so is each COMMIT (Npgsql sends BEGIN with the next command).</summary>
    public int RoundTrips => Commands + Commits;

    public void Clear()
    {
        _events.Clear();
        Commands = Statements = ConnectionOpens = Commits = 0;
    }

    public ValueTask<DbDataReader> ReaderExecutedAsync(DbCommand command, CommandExecutedEventData eventData, DbDataReader result, CancellationToken cancellationToken = default)
    {
        Record(command, eventData.Duration);
        return ValueTask.FromResult(result);
    }

    public ValueTask<int> NonQueryExecutedAsync(DbCommand command, CommandExecutedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        Record(command, eventData.Duration);
        return ValueTask.FromResult(result);
    }

    public ValueTask<object?> ScalarExecutedAsync(DbCommand command, CommandExecutedEventData eventData, object? result, CancellationToken cancellationToken = default)
    {
        Record(command, eventData.Duration);
        return ValueTask.FromResult(result);
    }

    public Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        ConnectionOpens++;
        _events.Add("-- connection taken from the pool");
        return Task.CompletedTask;
    }

    public Task ConnectionClosedAsync(DbConnection connection, ConnectionEndEventData eventData)
    {
        _events.Add("-- connection given back to the pool");
        return Task.CompletedTask;
    }

    public ValueTask<DbTransaction> TransactionStartedAsync(DbConnection connection, TransactionEndEventData eventData, DbTransaction result, CancellationToken cancellationToken = default)
    {
        _events.Add("BEGIN  -- sent by Npgsql together with the next command: no round trip of its own");
        return ValueTask.FromResult(result);
    }

    public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Commits++;
        _events.Add($"COMMIT  -- {eventData.Duration.TotalMilliseconds:0.00} ms (the WAL flush of a durable commit)");
        return Task.CompletedTask;
    }

    private void Record(DbCommand command, TimeSpan duration)
    {
        Commands++;
        var statements = command.CommandText.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Length;
        Statements += statements;
        _events.Add($"-- round trip {Commands}: {statements} statement(s), {duration.TotalMilliseconds:0.00} ms\n{command.CommandText.Trim()}");
    }
}
