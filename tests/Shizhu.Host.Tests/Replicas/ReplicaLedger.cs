using Npgsql;

namespace Shizhu.Host.Tests.Replicas;

/// <summary>
/// What the replicas left in the shared database, read in SQL: each query answers the rows that break one
/// exactly-once rule (empty when the rule holds), so a failure names what was lost or doubled.
/// </summary>
public sealed class ReplicaLedger(string connectionString) : IAsyncDisposable
{
    private readonly NpgsqlDataSource _source = NpgsqlDataSource.Create(connectionString);

    /// <summary>Timer kinds whose firing raises one alert of the paired kind on the timer's task.</summary>
    private const string TimerAlertPairs =
        "('TaskDue','Overdue'),('TaskWarning','DueSoon'),('EscalateToTownship','EscalatedToTownship'),('EscalateToCounty','EscalatedToCounty'),('EscalateToOffice','EscalatedToOffice')";

    public Task<long> CountAsync(string sql, DateTimeOffset? now = null) => ScalarAsync(sql, now);

    /// <summary>Workflows whose completed tasks and <c>TaskCompleted</c> journal rows differ in number.</summary>
    public Task<IReadOnlyList<string>> CompletionsWithoutOneJournalRowAsync() => RowsAsync("""
        SELECT w.id::text || ': ' || c.tasks || ' completed tasks, ' || c.rows || ' TaskCompleted rows'
        FROM workflows.workflows w
        CROSS JOIN LATERAL (SELECT (SELECT count(*) FROM workflows.workflow_tasks t WHERE t.workflow_id = w.id AND t.status = 'Completed') AS tasks,
                                   (SELECT count(*) FROM workflows.journal j WHERE j.workflow_id = w.id AND j.kind = 'TaskCompleted') AS rows) c
        WHERE c.tasks <> c.rows
        """);

    public async Task<IReadOnlySet<Guid>> CompletedTaskIdsAsync() =>
        (await RowsAsync("SELECT id::text FROM workflows.workflow_tasks WHERE status = 'Completed'")).Select(Guid.Parse).ToHashSet();

    /// <summary>Timers due by <paramref name="now"/> that neither fired nor were cancelled: lost wake-ups.</summary>
    public Task<IReadOnlyList<string>> TimersDueButPendingAsync(DateTimeOffset now) => RowsAsync("""
        SELECT kind || ' ' || id::text || ' due ' || due_at::text FROM workflows.workflow_timers
        WHERE fired_at IS NULL AND cancelled_at IS NULL AND due_at <= @now
        """, now);

    /// <summary>Alert-raising timers that fired without exactly one alert of their kind on their task, or alerts without such a timer.</summary>
    public Task<IReadOnlyList<string>> AlertsNotOnePerFiredTimerAsync() => RowsAsync($"""
        WITH pairs(timer_kind, alert_kind) AS (VALUES {TimerAlertPairs}),
             fired AS (SELECT t.task_id, p.alert_kind, count(*) AS timers FROM workflows.workflow_timers t
                       JOIN pairs p ON p.timer_kind = t.kind WHERE t.fired_at IS NOT NULL GROUP BY t.task_id, p.alert_kind),
             raised AS (SELECT a.task_id, a.kind AS alert_kind, count(*) AS alerts FROM workflows.task_alerts a
                        JOIN pairs p ON p.alert_kind = a.kind GROUP BY a.task_id, a.kind)
        SELECT coalesce(f.task_id, r.task_id)::text || ' ' || coalesce(f.alert_kind, r.alert_kind) || ': '
               || coalesce(f.timers, 0) || ' fired timers, ' || coalesce(r.alerts, 0) || ' alerts'
        FROM fired f FULL JOIN raised r ON r.task_id = f.task_id AND r.alert_kind = f.alert_kind
        WHERE coalesce(f.timers, 0) <> 1 OR coalesce(r.alerts, 0) <> 1
        """);

    /// <summary>
    /// Open tasks overdue since before <paramref name="longAgo"/> (past the last escalation step) that lack exactly one
    /// red warning and one alert of each escalation step.
    /// </summary>
    public Task<IReadOnlyList<string>> LongOverdueTasksWithoutTheWholeChainOnceAsync(DateTimeOffset longAgo) => RowsAsync("""
        SELECT t.id::text || ' ' || k.kind || ': ' || (SELECT count(*) FROM workflows.task_alerts a WHERE a.task_id = t.id AND a.kind = k.kind) || ' alerts'
        FROM workflows.workflow_tasks t
        CROSS JOIN (VALUES ('Overdue'),('EscalatedToTownship'),('EscalatedToCounty'),('EscalatedToOffice')) k(kind)
        WHERE t.status = 'Open' AND t.due_at <= @now
          AND (SELECT count(*) FROM workflows.task_alerts a WHERE a.task_id = t.id AND a.kind = k.kind) <> 1
        """, longAgo);

    /// <summary>Outbox events not yet published, or whose event id appears twice.</summary>
    public Task<IReadOnlyList<string>> OutboxEventsUnpublishedOrDoubledAsync() => RowsAsync("""
        SELECT type || ' ' || event_id::text || ' unpublished' FROM workflows.outbox_messages WHERE published_at IS NULL
        UNION ALL
        SELECT event_id::text || ' ' || count(*) || ' times' FROM workflows.outbox_messages GROUP BY event_id HAVING count(*) > 1
        """);

    /// <summary>Outbox events the in-app consumer has not processed (each consumer's row is its once-only key).</summary>
    public Task<IReadOnlyList<string>> EventsTheInAppConsumerHasNotProcessedAsync() => RowsAsync("""
        SELECT o.type || ' ' || o.event_id::text FROM workflows.outbox_messages o
        WHERE NOT EXISTS (SELECT 1 FROM notifications.processed_events p WHERE p.event_id = o.event_id AND p.consumer = 'in-app')
        """);

    /// <summary>Notifications written twice for one event and one audience (the recipients of an in-app notification).</summary>
    public Task<IReadOnlyList<string>> NotificationsDoubledAsync() => RowsAsync("""
        SELECT event_id::text || ' ' || coalesce(audience_role, '') || '/' || coalesce(audience_township_code, '') || '/'
               || coalesce(audience_department_code, '') || '/' || coalesce(audience_user_name, '') || ': ' || count(*)
        FROM notifications.notifications
        GROUP BY event_id, audience_role, audience_township_code, audience_department_code, audience_user_name HAVING count(*) > 1
        """);

    /// <summary>Escalation alerts whose <c>TaskAlertRaised</c> event reached no notification of the step's audience.</summary>
    public Task<IReadOnlyList<string>> EscalationEventsWithoutTheirNotificationAsync() => RowsAsync("""
        SELECT o.event_id::text || ' ' || (o.payload::jsonb ->> 'kind')
        FROM workflows.outbox_messages o
        WHERE o.type LIKE '%TaskAlertRaised%' AND (o.payload::jsonb ->> 'kind') LIKE 'EscalatedTo%'
          AND NOT EXISTS (SELECT 1 FROM notifications.notifications n WHERE n.event_id = o.event_id)
        """);

    /// <summary>Digest days per person with other than one digest run, one <c>DailyDigestDue</c> event and one notification.</summary>
    public Task<IReadOnlyList<string>> DigestsNotOncePerPersonAndDayAsync() => RowsAsync("""
        WITH events AS (SELECT o.event_id, o.payload::jsonb ->> 'userName' AS user_name, (o.payload::jsonb ->> 'day')::date AS day
                        FROM workflows.outbox_messages o WHERE o.type LIKE '%DailyDigestDue%'),
             per_day AS (SELECT r.user_name, r.day,
                                (SELECT count(*) FROM events e WHERE e.user_name = r.user_name AND e.day = r.day) AS events,
                                (SELECT count(*) FROM events e JOIN notifications.notifications n ON n.event_id = e.event_id
                                 WHERE e.user_name = r.user_name AND e.day = r.day) AS notifications
                         FROM workflows.digest_runs r)
        SELECT user_name || ' ' || day::text || ': ' || events || ' events, ' || notifications || ' notifications'
        FROM per_day WHERE events <> 1 OR notifications <> 1
        UNION ALL
        SELECT e.user_name || ' ' || e.day::text || ': event without a digest run' FROM events e
        WHERE NOT EXISTS (SELECT 1 FROM workflows.digest_runs r WHERE r.user_name = e.user_name AND r.day = e.day)
        """);

    public ValueTask DisposeAsync() => _source.DisposeAsync();

    /// <summary>The figures of a run (rows per kind), for the test's output.</summary>
    public Task<IReadOnlyList<string>> FiguresAsync() => RowsAsync("""
        SELECT 'completed tasks: ' || count(*) FROM workflows.workflow_tasks WHERE status = 'Completed'
        UNION ALL SELECT 'journal ' || kind || ': ' || count(*) FROM workflows.journal GROUP BY kind
        UNION ALL SELECT 'timers fired ' || kind || ': ' || count(*) FROM workflows.workflow_timers WHERE fired_at IS NOT NULL GROUP BY kind
        UNION ALL SELECT 'timers cancelled ' || kind || ': ' || count(*) FROM workflows.workflow_timers WHERE cancelled_at IS NOT NULL GROUP BY kind
        UNION ALL SELECT 'alerts ' || kind || ': ' || count(*) FROM workflows.task_alerts GROUP BY kind
        UNION ALL SELECT 'outbox ' || type || ': ' || count(*) FROM workflows.outbox_messages GROUP BY type
        UNION ALL SELECT 'processed by ' || consumer || ': ' || count(*) FROM notifications.processed_events GROUP BY consumer
        UNION ALL SELECT 'notifications: ' || count(*) FROM notifications.notifications
        UNION ALL SELECT 'digest runs ' || day::text || ': ' || count(*) FROM workflows.digest_runs GROUP BY day
        """);

    private async Task<IReadOnlyList<string>> RowsAsync(string sql, DateTimeOffset? now = null)
    {
        await using var command = Command(sql, now);
        var rows = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync()) rows.Add(reader.GetString(0));
        return rows;
    }

    private async Task<long> ScalarAsync(string sql, DateTimeOffset? now)
    {
        await using var command = Command(sql, now);
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>A command on its own open connection, closed with the command (the data source owns nothing else).</summary>
    private NpgsqlCommand Command(string sql, DateTimeOffset? now)
    {
        var command = _source.CreateCommand(sql);
        if (now is { } at) command.Parameters.AddWithValue("now", at.ToUniversalTime());
        return command;
    }
}
