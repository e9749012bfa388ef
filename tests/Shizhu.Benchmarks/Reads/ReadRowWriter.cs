using Npgsql;
using NpgsqlTypes;
using Shizhu.Workflows.Access;
using Shizhu.Workflows.Templates;

namespace Shizhu.Benchmarks.Reads;

/// <summary>
/// Writes the generated rows with one binary COPY per table, each on its own connection, all fed from one pass over
/// the workflows, so nothing is held in memory. Deterministic (a fixed seed): two builds hold the same rows but ids.
/// </summary>
internal sealed class ReadRowWriter(NpgsqlConnection first, ReadShape shape, Action<string> say)
{
    private readonly Random _random = new(20261203);
    private readonly Dictionary<string, Copy> _copies = [];
    private long _tasks;

    private sealed record Copy(NpgsqlConnection Connection, NpgsqlBinaryImporter Importer);

    public async Task WriteAsync(CancellationToken ct)
    {
        await OpenAsync("workflows", "COPY workflows.workflows (id, township_code, township_name, track, start_year, target_year, goal, template_key, template_version, status, current_stage_key, started_at, started_by, completed_at, revision, variables) FROM STDIN (FORMAT BINARY)", ct);
        await OpenAsync("stages", "COPY workflows.workflow_stages (workflow_id, key, name, \"order\", status, entered_at, completed_at) FROM STDIN (FORMAT BINARY)", ct);
        await OpenAsync("tasks", "COPY workflows.workflow_tasks (id, workflow_id, stage_key, element_id, token_id, title, role, scope, township_code, department_code, status, assignee, created_at, due_at, overdue, alerted, completed_at, completed_by, outcome, data, comment, revision) FROM STDIN (FORMAT BINARY)", ct);
        await OpenAsync("tokens", "COPY workflows.workflow_tokens (id, workflow_id, element_id, arrived_by, state, created_at) FROM STDIN (FORMAT BINARY)", ct);
        await OpenAsync("journal", "COPY workflows.journal (workflow_id, at, actor, kind, detail, change) FROM STDIN (FORMAT BINARY)", ct);
        await OpenAsync("alerts", "COPY workflows.task_alerts (id, task_id, workflow_id, township_code, kind, raised_at, stage_key, due_at) FROM STDIN (FORMAT BINARY)", ct);
        await OpenAsync("notifications", "COPY notifications.notifications (id, event_id, at, audience_role, audience_township_code, audience_department_code, title, body, workflow_id) FROM STDIN (FORMAT BINARY)", ct);
        await OpenAsync("reads", "COPY notifications.notification_reads (notification_id, user_name, read_at) FROM STDIN (FORMAT BINARY)", ct);
        await OpenAsync("townships", "COPY workflows.townships (code, name, kind) FROM STDIN (FORMAT BINARY)", ct);

        for (var i = 1; i <= ReadShape.Townships; i++)
        {
            var code = ReadShape.TownshipCode(i);
            Row("townships", (code, NpgsqlDbType.Varchar), (ReadShape.TownshipName(i), NpgsqlDbType.Varchar), ("township", NpgsqlDbType.Varchar));
            foreach (var template in shape.Templates)
                Workflow(i, template, running: true);
            if (i <= ReadShape.CompletedWorkflows) Workflow(i, shape.Templates[0], running: false);
            if (i % 1000 == 0) say($"{i:N0} townships, {_tasks:N0} tasks");
        }
        foreach (var (_, copy) in _copies)
        {
            await copy.Importer.CompleteAsync(ct);
            await copy.Importer.DisposeAsync();
            await copy.Connection.DisposeAsync();
        }
    }

    private void Workflow(int township, TemplateDefinition template, bool running)
    {
        var code = ReadShape.TownshipCode(township);
        var id = Guid.CreateVersion7();
        var startYear = running ? 2024 : 2021;
        var started = shape.Now.AddDays(-(running ? 300 : 1500) - _random.Next(60));
        var current = running ? _random.Next(template.Stages.Count) : template.Stages.Count;
        Row("workflows", (id, NpgsqlDbType.Uuid), (code, NpgsqlDbType.Varchar), (ReadShape.TownshipName(township), NpgsqlDbType.Varchar),
            (template.Track, NpgsqlDbType.Varchar), (startYear, NpgsqlDbType.Integer), (startYear + 2, NpgsqlDbType.Integer), ("named", NpgsqlDbType.Varchar),
            (template.Key, NpgsqlDbType.Varchar), (1, NpgsqlDbType.Integer), (running ? "Running" : "Completed", NpgsqlDbType.Varchar),
            (running ? template.Stages[current].Key : null, NpgsqlDbType.Varchar), (started, NpgsqlDbType.TimestampTz), ("admin", NpgsqlDbType.Varchar),
            (running ? null : started.AddDays(700), NpgsqlDbType.TimestampTz), (1, NpgsqlDbType.Integer), ("{}", NpgsqlDbType.Text));
        for (var s = 0; s < template.Stages.Count; s++)
        {
            var status = s < current ? "Completed" : s == current ? "Active" : "Pending";
            Row("stages", (id, NpgsqlDbType.Uuid), (template.Stages[s].Key, NpgsqlDbType.Varchar), (template.Stages[s].Name, NpgsqlDbType.Varchar),
                (s, NpgsqlDbType.Integer), (status, NpgsqlDbType.Varchar), (s <= current ? started.AddDays(s * 30) : null, NpgsqlDbType.TimestampTz),
                (s < current ? started.AddDays(s * 30 + 29) : null, NpgsqlDbType.TimestampTz));
        }

        var userTasks = template.Elements.Where(e => e.Type == ElementType.UserTask).ToList();
        var done = running ? ReadShape.CompletedTasksPerRunning : ReadShape.TasksPerCompleted;
        for (var t = 0; t < done; t++)
        {
            var element = userTasks[t % userTasks.Count];
            var created = started.AddDays(t * 8);
            Task(id, code, template, element, Roles.TownshipStaff, "Township", null, created, created.AddDays(20), open: false);
        }
        if (!running) return;
        var stage = template.Stages[current].Key;
        var inStage = userTasks.Where(e => e.Stage == stage).DefaultIfEmpty(userTasks[0]).ToList();
        for (var t = 0; t < ReadShape.OpenTownshipTasks; t++)
            Task(id, code, template, inStage[t % inStage.Count], Roles.TownshipStaff, "Township", null, OpenCreated(), Due(), open: true);
        if (_random.Next(2) == 0) Task(id, code, template, inStage[0], Roles.CountyAdmin, "County", null, OpenCreated(), Due(), open: true);
        var departments = _random.Next(10) == 0 ? 2 : 1;
        for (var d = 0; d < departments; d++)
            Task(id, code, template, inStage[^1], Roles.CountyDepartment, "Department", shape.Departments[_random.Next(shape.Departments.Count)],
                OpenCreated(), Due(), open: true);
    }

    private DateTimeOffset OpenCreated() => shape.Now.AddDays(-_random.Next(1, 40)).AddMinutes(-_random.Next(1440));

    /// <summary>Due from 30 days ago to 60 days ahead (a third overdue), one in twenty without a due time.</summary>
    private DateTimeOffset? Due() => _random.Next(20) == 0 ? null : shape.Now.AddDays(_random.Next(-30, 60)).AddMinutes(_random.Next(1440));

    private void Task(Guid workflow, string township, TemplateDefinition template, ElementDefinition element, string role, string scope,
        string? department, DateTimeOffset created, DateTimeOffset? due, bool open)
    {
        _tasks++;
        var id = Guid.CreateVersion7(created);
        Guid? token = open ? Guid.CreateVersion7(created) : null;
        var overdue = open && due < shape.Now;
        var title = element.Title ?? element.Id;
        Row("tasks", (id, NpgsqlDbType.Uuid), (workflow, NpgsqlDbType.Uuid), (element.Stage ?? template.Stages[0].Key, NpgsqlDbType.Varchar),
            (element.Id, NpgsqlDbType.Varchar), (token, NpgsqlDbType.Uuid), (title, NpgsqlDbType.Varchar), (role, NpgsqlDbType.Varchar),
            (scope, NpgsqlDbType.Varchar), (township, NpgsqlDbType.Varchar), (department, NpgsqlDbType.Varchar), (open ? "Open" : "Completed", NpgsqlDbType.Varchar),
            (null, NpgsqlDbType.Varchar), (created, NpgsqlDbType.TimestampTz), (due, NpgsqlDbType.TimestampTz), (overdue, NpgsqlDbType.Boolean), (overdue, NpgsqlDbType.Boolean),
            (open ? null : created.AddDays(5), NpgsqlDbType.TimestampTz), (open ? null : ReadShape.StaffOf(township), NpgsqlDbType.Varchar),
            (null, NpgsqlDbType.Varchar), (null, NpgsqlDbType.Text), (null, NpgsqlDbType.Varchar), (open ? 0 : 1, NpgsqlDbType.Integer));
        Journal(workflow, created, "system", "TaskCreated", $"任务“{title}”已创建");
        if (!open) Journal(workflow, created.AddDays(5), ReadShape.StaffOf(township), "TaskCompleted", $"办结了“{title}”");
        if (token is { } tokenId)
            Row("tokens", (tokenId, NpgsqlDbType.Uuid), (workflow, NpgsqlDbType.Uuid), (element.Id, NpgsqlDbType.Varchar), (null, NpgsqlDbType.Varchar),
                ("Waiting", NpgsqlDbType.Varchar), (created, NpgsqlDbType.TimestampTz));

        // One notification for the task's audience; an overdue task's alert adds the township leader, the county leader and the role again.
        var reader = scope switch { "County" => ReadShape.CountyOffice, "Department" => ReadShape.DepartmentUser(department!), _ => ReadShape.StaffOf(township) };
        Notification(workflow, created, role, scope == "Township" ? township : null, department, $"新任务：{title}", reader);
        if (overdue && due is { } dueAt)
        {
            Row("alerts", (Guid.CreateVersion7(dueAt), NpgsqlDbType.Uuid), (id, NpgsqlDbType.Uuid), (workflow, NpgsqlDbType.Uuid),
                (township, NpgsqlDbType.Varchar), ("Overdue", NpgsqlDbType.Varchar), (dueAt, NpgsqlDbType.TimestampTz),
                (element.Stage ?? template.Stages[0].Key, NpgsqlDbType.Varchar), (dueAt, NpgsqlDbType.TimestampTz));
            var alertEvent = Guid.CreateVersion7(dueAt);
            Notification(workflow, dueAt, Roles.TownshipLeader, township, null, $"任务逾期：{title}", null, alertEvent);
            Notification(workflow, dueAt, Roles.CountyLeader, null, null, $"任务逾期：{title}", ReadShape.Leader, alertEvent);
            Notification(workflow, dueAt, role, scope == "Township" ? township : null, department, $"任务逾期：{title}", reader, alertEvent);
        }
    }

    private void Journal(Guid workflow, DateTimeOffset at, string actor, string kind, string detail) =>
        Row("journal", (workflow, NpgsqlDbType.Uuid), (at, NpgsqlDbType.TimestampTz), (actor, NpgsqlDbType.Varchar), (kind, NpgsqlDbType.Varchar),
            (detail, NpgsqlDbType.Varchar), (null, NpgsqlDbType.Text));

    private void Notification(Guid workflow, DateTimeOffset at, string role, string? township, string? department, string title, string? reader, Guid? eventId = null)
    {
        var id = Guid.CreateVersion7(at);
        Row("notifications", (id, NpgsqlDbType.Uuid), (eventId ?? Guid.CreateVersion7(at), NpgsqlDbType.Uuid), (at, NpgsqlDbType.TimestampTz),
            (role, NpgsqlDbType.Varchar), (township, NpgsqlDbType.Varchar), (department, NpgsqlDbType.Varchar), (title, NpgsqlDbType.Varchar),
            (title + "。请及时办理。", NpgsqlDbType.Varchar), (workflow, NpgsqlDbType.Uuid));
        if (reader is not null && _random.Next(5) != 0)
            Row("reads", (id, NpgsqlDbType.Uuid), (reader, NpgsqlDbType.Varchar), (at.AddHours(6), NpgsqlDbType.TimestampTz));
    }

    private async Task OpenAsync(string name, string copy, CancellationToken ct)
    {
        var connection = new NpgsqlConnection(first.ConnectionString);
        await connection.OpenAsync(ct);
        _copies[name] = new Copy(connection, await connection.BeginBinaryImportAsync(copy, ct));
    }

    private void Row(string table, params (object? Value, NpgsqlDbType Type)[] values)
    {
        var importer = _copies[table].Importer;
        importer.StartRow();
        foreach (var (value, type) in values)
        {
            if (value is null) importer.WriteNull();
            else importer.Write(value, type);
        }
    }
}
