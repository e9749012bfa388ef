using System.Text.Json.Nodes;

namespace Shizhu.Workflows.Runtime.Queries;

/// <summary>
/// Which tasks a journal row is about, read from its structured change: <c>task.id</c>, <c>tasks[].id</c>,
/// <c>evidence.taskId</c> and <c>alert.taskId</c>, before and after.
/// </summary>
internal static class JournalTasks
{
    /// <summary>
    /// Whether the row concerns at least one of <paramref name="own"/> tasks and no other task. A row without a
    /// task (a stage entered, a variable set, a timer) or naming a task of another scope is refused: a department
    /// reads the workflow's stages from the workflow itself, and nothing of the other scopes' work.
    /// </summary>
    public static bool OnlyAbout(JournalView row, IReadOnlySet<Guid> own)
    {
        var ids = Ids(row.Before).Concat(Ids(row.After)).ToList();
        return ids.Count > 0 && ids.All(own.Contains);
    }

    private static IEnumerable<Guid> Ids(JsonObject? state)
    {
        if (state is null) yield break;
        if (Id(state["task"]?["id"]) is { } task) yield return task;
        if (state["tasks"] is JsonArray tasks)
            foreach (var item in tasks)
                if (Id(item?["id"]) is { } id) yield return id;
        if (Id(state["evidence"]?["taskId"]) is { } evidence) yield return evidence;
        if (Id(state["alert"]?["taskId"]) is { } alert) yield return alert;
    }

    private static Guid? Id(JsonNode? node) =>
        node is JsonValue value && value.TryGetValue<string>(out var text) && Guid.TryParse(text, out var id) ? id
        : node is JsonValue guid && guid.TryGetValue<Guid>(out var direct) ? direct
        : null;
}
