using System.Text.Json.Serialization;
using Shizhu.Workflows.Events;

namespace Shizhu.Workflows.Templates;

/// <summary>
/// A timer on a user task. Non-interrupting ones raise an alert of <see cref="Kind"/> (<c>reminder</c>,
/// <c>escalation</c>) and leave the task open; an interrupting one (<c>timeout</c>) cancels the task and
/// continues the token at <see cref="To"/>.
/// </summary>
public sealed record BoundaryTimer(string Id, DueRule Due, string Kind = "reminder", bool Interrupting = false, string? To = null)
{
    /// <summary>The alert a non-interrupting timer raises: the template's word for it as the shared <see cref="Events.AlertKind"/>.</summary>
    [JsonIgnore]
    public AlertKind AlertKind => Kind == "escalation" ? AlertKind.Escalation : AlertKind.Reminder;
}
