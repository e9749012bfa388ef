using Microsoft.AspNetCore.Identity;

namespace Shizhu.Host.Identity;

/// <summary>
/// What Identity's options cannot say: a password must not be, or contain, the user name (<c>admin</c> /
/// <c>Admin@admin1</c>). Length and character classes are Identity's own rules, set in <c>SecuritySetup</c>.
/// </summary>
public sealed class StrongPasswordValidator : IPasswordValidator<AppUser>
{
    public Task<IdentityResult> ValidateAsync(UserManager<AppUser> manager, AppUser user, string? password) =>
        Task.FromResult(!string.IsNullOrEmpty(password) && !string.IsNullOrEmpty(user.UserName)
                        && password.Contains(user.UserName, StringComparison.OrdinalIgnoreCase)
            ? IdentityResult.Failed(new IdentityError { Code = "PasswordContainsUserName", Description = "密码不能包含用户名。" })
            : IdentityResult.Success);
}
