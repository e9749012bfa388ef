namespace Shizhu.Notifications.Audiences;

/// <summary>
/// Who should hear of an event: everyone holding <see cref="Role"/>, confined to one township when
/// <see cref="TownshipCode"/> is set, county-wide when it is null. Addressing roles instead of people
/// keeps the in-app channel free of any user directory.
/// </summary>
/// <param name="DepartmentCode">Set for a county department's staff: only that department's holders of the role.</param>
/// <param name="UserName">Set for a message to one person (the daily digest, ADR 0037): only they, among the holders, get it.</param>
public sealed record Audience(string Role, string? TownshipCode, string? DepartmentCode = null, string? UserName = null);
