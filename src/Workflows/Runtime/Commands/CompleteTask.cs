using System.Text.Json;

namespace Shizhu.Workflows.Runtime.Commands;

/// <summary>Complete a user task with an optional outcome, form data (a JSON object) and comment.</summary>
public sealed record CompleteTask(string? Outcome, JsonElement? Data, string? Comment);
