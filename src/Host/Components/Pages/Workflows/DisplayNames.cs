using Microsoft.EntityFrameworkCore;
using Shizhu.Host.Components.Services;
using Shizhu.Host.Identity;

namespace Shizhu.Host.Components.Pages.Workflows;

/// <summary>The engine records user names; people read display names (石家乡工作人员). One query for a page.</summary>
public static class DisplayNames
{
    public static async Task<IReadOnlyDictionary<string, string>> LookUpAsync(
        EngineGateway engine, IEnumerable<string?> userNames, CancellationToken ct)
    {
        var names = userNames.OfType<string>().Where(n => n.Length > 0).Distinct().ToList();
        if (names.Count == 0) return new Dictionary<string, string>();
        var users = await engine.RunAsync(sp => sp.GetRequiredService<AppIdentityDbContext>().Users.AsNoTracking()
            .Where(u => u.UserName != null && names.Contains(u.UserName))
            .Select(u => new { UserName = u.UserName!, u.DisplayName }).ToListAsync(ct));
        return users.Where(u => u.DisplayName.Length > 0).ToDictionary(u => u.UserName, u => u.DisplayName);
    }
}
