using Shizhu.Workflows.Runtime.Model;

namespace Shizhu.Workflows.Access;

/// <summary>
/// Who is issuing a command or query. The engine enforces the township and department boundaries itself, in
/// its queries, so no caller can forget them. A township user carries <see cref="TownshipCode"/>, a county
/// department's staff <see cref="DepartmentCode"/>; county-wide roles carry neither.
/// </summary>
/// <param name="DisplayName">The person's name as people read it (notifications); the Host fills it from the sign-in.</param>
public sealed record Actor(
    string UserName, IReadOnlySet<string> Roles, string? TownshipCode, string? DepartmentCode = null, string? DisplayName = null)
{
    /// <summary>The engine itself (timers, system jobs).</summary>
    public static readonly Actor System = new("system", new HashSet<string>(Access.Roles.All), null);

    /// <summary>The display name, or the user name where none is known (the engine's own timers).</summary>
    public string Name => string.IsNullOrWhiteSpace(DisplayName) ? UserName : DisplayName;

    public bool IsCountyWide => Access.Roles.CountyWide.Any(Roles.Contains);

    public bool IsInRole(string role) => Roles.Contains(role);

    /// <summary>
    /// The department a department's staff member is confined to inside a workflow they can open: they read its
    /// stages and their own department's tasks and journal rows, never the township's, the county office's or
    /// another department's. Null for everyone who reads whole workflows.
    /// </summary>
    public string? ConfinedToDepartment => IsCountyWide || TownshipCode is not null ? null : DepartmentCode;

    public bool CanSeeTownship(string townshipCode) => IsCountyWide || (TownshipCode is not null && TownshipCode == townshipCode);

    /// <summary>
    /// Whether the task exists for this actor: county-wide roles see every task, township users their township's,
    /// department staff their department's (in any township).
    /// </summary>
    public bool CanSeeTask(WorkflowTask task) => CanSeeTask(task.TownshipCode, task.DepartmentCode);

    public bool CanSeeTask(string townshipCode, string? departmentCode) =>
        CanSeeTownship(townshipCode) || (DepartmentCode is not null && DepartmentCode == departmentCode);
}
