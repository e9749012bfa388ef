using Microsoft.AspNetCore.Identity;

namespace Shizhu.Host.Identity;

/// <summary>Reads and changes a user's contact details, for the API and the profile page: validated, then saved in one update.</summary>
public sealed class UserContacts(UserManager<AppUser> users)
{
    public static ContactRules.ContactDetails Of(AppUser user) =>
        new(user.Email, user.PhoneNumber, user.WeComUserId, user.DingTalkUserId);

    /// <summary>Saves the details, or returns the problems by field (nothing is saved then).</summary>
    public async Task<Dictionary<string, string[]>> UpdateAsync(AppUser user, ContactRules.ContactDetails details)
    {
        var clean = details.Normalised();
        var errors = ContactRules.Check(clean);
        if (errors.Count > 0) return errors;

        if (!string.Equals(user.Email, clean.Email, StringComparison.Ordinal))
        {
            user.Email = clean.Email;
            user.NormalizedEmail = clean.Email is null ? null : users.NormalizeEmail(clean.Email);
            // A changed address is not known to be the person's until they confirm it; notifications go to it anyway.
            user.EmailConfirmed = false;
        }
        if (!string.Equals(user.PhoneNumber, clean.Mobile, StringComparison.Ordinal))
        {
            user.PhoneNumber = clean.Mobile;
            user.PhoneNumberConfirmed = false;
        }
        user.WeComUserId = clean.WeComUserId;
        user.DingTalkUserId = clean.DingTalkUserId;
        var result = await users.UpdateAsync(user);
        return result.Succeeded
            ? []
            : new Dictionary<string, string[]> { ["email"] = result.Errors.Select(e => e.Description).ToArray() };
    }
}
