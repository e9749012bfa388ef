using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Shizhu.Notifications.Audiences;

namespace Shizhu.Host.Identity;

/// <summary>Resolves a notification audience (role, township, department) to the people behind it, for e-mail and other personal channels.</summary>
public sealed class RecipientDirectory(AppIdentityDbContext db) : IRecipientDirectory
{
    public async Task<IReadOnlyList<Recipient>> FindAsync(string role, string? townshipCode, string? departmentCode, CancellationToken ct)
    {
        var query =
            from user in db.Users.AsNoTracking()
            join userRole in db.UserRoles on user.Id equals userRole.UserId
            join r in db.Roles on userRole.RoleId equals r.Id
            where r.Name == role
            select user;
        if (townshipCode is not null) query = query.Where(u => u.TownshipCode == townshipCode);
        if (departmentCode is not null) query = query.Where(u => u.DepartmentCode == departmentCode);
        return await query.Select(u => new Recipient(u.UserName!, u.DisplayName, u.Email, u.PhoneNumber, u.WeComUserId, u.DingTalkUserId)).ToListAsync(ct);
    }
}
