namespace Shizhu.Workflows.Access;

/// <summary>
/// Who is issuing a command or query. The engine enforces the township boundary itself, in its queries,
/// so no caller can forget it.
/// </summary>
public sealed record Actor(string UserName, IReadOnlySet<string> Roles, string? TownshipCode)
{
    /// <summary>The engine itself (timers, system jobs).</summary>
    public static readonly Actor System = new("system", new HashSet<string>(Access.Roles.All), null);

    public bool IsCountyWide => Access.Roles.CountyWide.Any(Roles.Contains);

    public bool IsInRole(string role) => Roles.Contains(role);

    public bool CanSeeTownship(string townshipCode) => IsCountyWide || TownshipCode == townshipCode;
}
