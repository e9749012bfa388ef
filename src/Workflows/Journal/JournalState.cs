using System.Text.Json;
using System.Text.Json.Nodes;
using Shizhu.Workflows.Runtime.Model;

namespace Shizhu.Workflows.Journal;

/// <summary>How journal rows describe state, the same way in every command (enum values as the API spells them).</summary>
internal static class JournalState
{
    public static string Name<TEnum>(TEnum value) where TEnum : struct, Enum => JsonNamingPolicy.CamelCase.ConvertName(value.ToString());

    public static JsonObject Workflow(WorkflowStatus status) => new() { ["status"] = Name(status) };

    /// <summary>A task's identity and the fields a command changes: status, assignee, outcome and who completed it.</summary>
    public static JsonObject Task(WorkflowTask task) => new()
    {
        ["id"] = task.Id,
        ["key"] = task.ElementId,
        ["status"] = Name(task.Status),
        ["assignee"] = task.Assignee,
        ["outcome"] = task.Outcome,
        ["completedBy"] = task.CompletedBy,
    };

    /// <summary>Where a token waits; <c>element</c> null once it has gone (ended, or merged into a join).</summary>
    public static JsonObject Token(Guid id, string? elementId) => new() { ["id"] = id, ["element"] = elementId };

    /// <summary>Adds one more field to a state object.</summary>
    public static JsonObject With(this JsonObject state, string key, JsonNode? value)
    {
        state[key] = value;
        return state;
    }

    public static JsonObject Stage(WorkflowStage stage) => new() { ["key"] = stage.Key, ["status"] = Name(stage.Status) };

    public static JsonObject Timer(WorkflowTimer timer) => new()
    {
        ["id"] = timer.Id,
        ["element"] = timer.ElementId,
        ["kind"] = Name(timer.Kind),
        ["dueAt"] = timer.DueAt,
        ["firedAt"] = timer.FiredAt,
    };
}
