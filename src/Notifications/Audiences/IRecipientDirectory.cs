namespace Shizhu.Notifications.Audiences;

/// <summary>
/// Resolves an audience to people for the channels that need addresses (e-mail now; WeCom, DingTalk, SMS
/// later). The Host implements it over its user store, so this library never sees the identity tables.
/// </summary>
public interface IRecipientDirectory
{
    /// <summary>
    /// Everyone holding <paramref name="role"/>; for a township role with <paramref name="townshipCode"/>
    /// set, only the holders in that township; with <paramref name="departmentCode"/> set, only that county
    /// department's holders. Null codes mean every holder of the role.
    /// </summary>
    Task<IReadOnlyList<Recipient>> FindAsync(string role, string? townshipCode, string? departmentCode, CancellationToken ct);
}
