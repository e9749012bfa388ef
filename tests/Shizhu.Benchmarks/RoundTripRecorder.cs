using System.Data.Common;
using System.Diagnostics;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Shizhu.Benchmarks;

/// <summary>
/// Records what one traced completion sends to the server: every command or batch Npgsql executes (one round
/// trip each, whether EF Core sent it or the engine's own batched read did — so this listens to Npgsql's
/// activity source, not only to EF Core), every connection taken from and given back to the pool, and the
/// transaction. Used on a separate engine instance while nothing else runs, never on the measured one.
/// </summary>
internal sealed class RoundTripRecorder : IDbConnectionInterceptor, IDbTransactionInterceptor, IDisposable
{
    private readonly List<string> _events = [];
    private readonly ActivityListener _npgsql;

    public RoundTripRecorder()
    {
        _npgsql = new ActivityListener
        {
            ShouldListenTo = source => source.Name == "Npgsql",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = Recorded,
        };
        ActivitySource.AddActivityListener(_npgsql);
    }

    public void Dispose() => _npgsql.Dispose();

    public IReadOnlyList<string> Events => _events;
    public int Commands { get; private set; }
    public int Statements { get; private set; }
    public int ConnectionOpens { get; private set; }
    public int Commits { get; private set; }

    /// <summary>Server round trips: each command or batch is one, and so is each separate COMMIT of an explicit transaction (Npgsql sends BEGIN with the next command; the engine's PostgreSQL write needs neither, ADR 0016).</summary>
    public int RoundTrips => Commands + Commits;

    public void Clear()
    {
        _events.Clear();
        Commands = Statements = ConnectionOpens = Commits = 0;
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

    private void Recorded(Activity activity)
    {
        // Physical connection opens are activities too; only commands and batches are round trips here.
        var text = (activity.GetTagItem("db.query.text") ?? activity.GetTagItem("db.statement")) as string;
        if (text is null) return;
        lock (_events)
        {
            Commands++;
            var statements = text.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Length;
            Statements += statements;
            _events.Add($"-- round trip {Commands}: {statements} statement(s), {activity.Duration.TotalMilliseconds:0.00} ms\n{text.Trim()}");
        }
    }
}
