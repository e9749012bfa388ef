namespace Shizhu.Notifications;

/// <summary>The person asking for their notifications, as the Host knows them from their sign-in.</summary>
/// <param name="TownshipCode">Their township; null for county-level people.</param>
/// <param name="DepartmentCode">Their county department, for county-department staff; null for everyone else.</param>
public sealed record NotificationRecipient(string UserName, IReadOnlySet<string> Roles, string? TownshipCode, string? DepartmentCode = null);
