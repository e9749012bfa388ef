using Npgsql;

namespace Shizhu.Benchmarks;

/// <summary>
/// What the completions left in the database, counted in SQL: completed tasks, the journal and outbox rows
/// (all, and those of kind TaskCompleted), cancelled timers and completed stages. A run is verified when each
/// of the first four grew by exactly the number of completions the workers saw committed.
/// </summary>
internal sealed record Ledger(long CompletedTasks, long Journal, long JournalTaskCompleted, long Outbox, long OutboxTaskCompleted,
    long CancelledTimers, long CompletedStages)
{
    public static async Task<Ledger> ReadAsync(string connectionString, CancellationToken ct)
    {
        const string sql = """
            select (select count(*) from workflows.workflow_tasks where status = 'Completed'),
                   (select count(*) from workflows.journal),
                   (select count(*) from workflows.journal where kind = 'TaskCompleted'),
                   (select count(*) from workflows.outbox_messages),
                   (select count(*) from workflows.outbox_messages where type = 'TaskCompleted'),
                   (select count(*) from workflows.workflow_timers where cancelled_at is not null),
                   (select count(*) from workflows.workflow_stages where status = 'Completed')
            """;
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(ct);
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync(ct);
        await reader.ReadAsync(ct);
        return new Ledger(reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2), reader.GetInt64(3), reader.GetInt64(4),
            reader.GetInt64(5), reader.GetInt64(6));
    }

    public Ledger Minus(Ledger before) => new(CompletedTasks - before.CompletedTasks, Journal - before.Journal,
        JournalTaskCompleted - before.JournalTaskCompleted, Outbox - before.Outbox, OutboxTaskCompleted - before.OutboxTaskCompleted,
        CancelledTimers - before.CancelledTimers, CompletedStages - before.CompletedStages);

    /// <summary>True when every completion wrote its task, its journal row, its outbox row and cancelled its due timer.</summary>
    public bool Accounts(long completions) =>
        CompletedTasks == completions && JournalTaskCompleted == completions && OutboxTaskCompleted == completions
        && CancelledTimers == completions && Journal >= completions && Outbox >= completions;
}
