using Npgsql;

namespace Shizhu.Benchmarks;

/// <summary>
/// What the completions left in the database, counted in SQL: completed tasks, the journal and outbox rows
/// (all, and those of kind TaskCompleted), cancelled timers, completed stages, and the pending timers of completed tasks.
/// A run is verified when completed tasks and the TaskCompleted journal and outbox rows grew by exactly the number of
/// completions the workers saw committed, every completion cancelled at least its deadline, and no completed task kept a
/// pending timer (a task has its deadline and, when it falls in the future, its yellow warning: ADR 0050).
/// </summary>
internal sealed record Ledger(long CompletedTasks, long Journal, long JournalTaskCompleted, long Outbox, long OutboxTaskCompleted,
    long CancelledTimers, long CompletedStages, long StrandedTimers)
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
                   (select count(*) from workflows.workflow_stages where status = 'Completed'),
                   (select count(*) from workflows.workflow_timers t join workflows.workflow_tasks k on k.id = t.task_id
                     where k.status = 'Completed' and t.fired_at is null and t.cancelled_at is null)
            """;
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(ct);
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync(ct);
        await reader.ReadAsync(ct);
        return new Ledger(reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2), reader.GetInt64(3), reader.GetInt64(4),
            reader.GetInt64(5), reader.GetInt64(6), reader.GetInt64(7));
    }

    /// <summary>The growth from <paramref name="before"/>; the stranded timers are this reading's own count, not a difference.</summary>
    public Ledger Minus(Ledger before) => new(CompletedTasks - before.CompletedTasks, Journal - before.Journal,
        JournalTaskCompleted - before.JournalTaskCompleted, Outbox - before.Outbox, OutboxTaskCompleted - before.OutboxTaskCompleted,
        CancelledTimers - before.CancelledTimers, CompletedStages - before.CompletedStages, StrandedTimers);

    /// <summary>True when every completion wrote its task, its journal row, its outbox row and cancelled its pending timers.</summary>
    public bool Accounts(long completions) =>
        CompletedTasks == completions && JournalTaskCompleted == completions && OutboxTaskCompleted == completions
        && CancelledTimers >= completions && StrandedTimers == 0 && Journal >= completions && Outbox >= completions;
}
