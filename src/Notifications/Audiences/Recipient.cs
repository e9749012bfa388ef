namespace Shizhu.Notifications.Audiences;

/// <summary>One person an audience resolves to; <see cref="Email"/> is null when none is on file.</summary>
public sealed record Recipient(string UserName, string DisplayName, string? Email);
