using System.Text.Json.Nodes;

namespace Shizhu.Workflows.Journal;

/// <summary>
/// A journal row while its command runs: <see cref="Before"/> and <see cref="After"/> hold the state the change
/// touched, under stable keys — <c>workflow</c> (status), <c>task</c> (status, assignee, outcome, …), <c>token</c>
/// (the element it waits at), <c>variables</c> (by dotted path), <c>stage</c>, <c>timer</c>, <c>alert</c>,
/// <c>incident</c>, <c>evidence</c>. A command may still add to <see cref="After"/> after moving the workflow on
/// (where a token came to wait); the row is written once, serialized in one column, just before the commit.
/// </summary>
public sealed class JournalRecord
{
    internal JournalRecord(JournalEntry entry) => Entry = entry;

    internal JournalEntry Entry { get; }

    public JsonObject Before { get; } = [];

    public JsonObject After { get; } = [];

    internal void Seal() => Entry.Change = new JsonObject { ["before"] = Before, ["after"] = After }.ToJsonString();
}
