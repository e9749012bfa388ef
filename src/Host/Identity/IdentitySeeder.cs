using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Shizhu.Host.Configuration;
using Shizhu.Workflows.Access;
using Shizhu.Workflows.Persistence;
using Shizhu.Workflows.ReferenceData;
using Microsoft.EntityFrameworkCore;

namespace Shizhu.Host.Identity;

/// <summary>
/// Seeds the roles, the administrator (only when <c>Seed:AdminPassword</c> is configured) and, in the
/// embedded demo, one staff and one leader per plan township and one staff account per county department.
/// Existing accounts are never changed.
/// </summary>
public sealed class IdentitySeeder(
    UserManager<AppUser> users, RoleManager<IdentityRole> roles, WorkflowDbContext workflows, AppIdentityDbContext identity,
    IOptions<SeedOptions> options, ILogger<IdentitySeeder> logger)
{
    /// <summary>Log-in names of the demo townships' accounts: <c>{name}-staff</c> and <c>{name}-leader</c>.</summary>
    public static readonly IReadOnlyDictionary<string, string> DemoLogins = new Dictionary<string, string>
    {
        ["悦崃镇"] = "yuelai", ["中益乡"] = "zhongyi", ["桥头镇"] = "qiaotou", ["石家乡"] = "shijia",
        ["金铃乡"] = "jinling", ["临溪镇"] = "linxi", ["王家乡"] = "wangjia", ["万朝镇"] = "wanchao",
        ["三星乡"] = "sanxing", ["西沱镇"] = "xituo", ["六塘乡"] = "liutang", ["冷水镇"] = "lengshui",
    };

    /// <summary>
    /// Adds the roles and accounts that are missing. Replicas starting together on a new database may create the same
    /// account at once: the one that commits second hits the unique user name, drops what it tracked and looks again,
    /// finding the account the first one made (as <see cref="ReferenceDataSeeder"/> does with its rows).
    /// </summary>
    public async Task SeedAsync(CancellationToken ct)
    {
        try
        {
            await SeedOnceAsync(ct);
        }
        catch (DbUpdateException ex) when (UniqueViolation.Is(ex))
        {
            identity.ChangeTracker.Clear();
            await SeedOnceAsync(ct);
        }
    }

    private async Task SeedOnceAsync(CancellationToken ct)
    {
        foreach (var role in Roles.All)
            if (!await roles.RoleExistsAsync(role)) Check(await roles.CreateAsync(new IdentityRole(role)));

        var seed = options.Value;
        if (!string.IsNullOrEmpty(seed.AdminPassword))
            await EnsureUserAsync(seed.AdminUser, seed.AdminPassword, "县爱卫办管理员", null, [Roles.CountyAdmin, Roles.TemplateAdmin]);
        else
            logger.LogWarning("Seed:AdminPassword is not set; no administrator account was seeded");

        if (!seed.DemoUsers) return;
        var password = seed.DemoPassword ?? throw new InvalidOperationException("Seed:DemoUsers needs Seed:DemoPassword.");
        await EnsureUserAsync("county-leader", password, "县领导", null, [Roles.CountyLeader]);
        await EnsureUserAsync("county-supervisor", password, "县政府督查办", null, [Roles.CountySupervisor]);
        await EnsureUserAsync("template-admin", password, "模板管理员", null, [Roles.TemplateAdmin]);
        await EnsureUserAsync("county-finance", password, "县财政", null, [Roles.CountyFinance]);
        var names = DemoLogins.Keys.ToList();
        var townships = await workflows.Townships.AsNoTracking().Where(t => names.Contains(t.Name)).ToListAsync(ct);
        foreach (var township in townships)
        {
            var login = DemoLogins[township.Name];
            await EnsureUserAsync($"{login}-staff", password, $"{township.Name}工作人员", township.Code, [Roles.TownshipStaff]);
            await EnsureUserAsync($"{login}-leader", password, $"{township.Name}主要负责同志", township.Code, [Roles.TownshipLeader]);
        }
        foreach (var department in await workflows.Departments.AsNoTracking().OrderBy(d => d.Code).ToListAsync(ct))
            await EnsureUserAsync(DemoDepartmentLogin(department.Code), password, $"{department.Name}工作人员", null,
                [Roles.CountyDepartment], department.Code);
    }

    /// <summary>Log-in name of a department's demo account: <c>dept-{code}</c> (<c>dept-education</c> for 县教委).</summary>
    public static string DemoDepartmentLogin(string departmentCode) => $"dept-{departmentCode}";

    private async Task EnsureUserAsync(string userName, string password, string displayName, string? townshipCode, string[] userRoles,
        string? departmentCode = null)
    {
        if (await users.FindByNameAsync(userName) is not null) return;
        var user = new AppUser
        {
            UserName = userName, DisplayName = displayName, TownshipCode = townshipCode, DepartmentCode = departmentCode,
            Email = $"{userName}@shizhu.local", EmailConfirmed = true,
            // Fictitious but well-formed contact details, so the demo can exercise every channel against test listeners.
            PhoneNumber = DemoMobile(userName), WeComUserId = DemoChannelUserId(userName), DingTalkUserId = $"dt-{userName}",
        };
        Check(await users.CreateAsync(user, password));
        Check(await users.AddToRolesAsync(user, userRoles));
        logger.LogInformation("Seeded user {UserName} with roles {Roles}", userName, userRoles);
    }

    /// <summary>
    /// A demo account's mobile number: 139-0000-xxxx with the last four digits from the user name, in the 1390000 block
    /// the demo uses for nobody real (the numbers are never sent to a real gateway by the embedded demo).
    /// </summary>
    public static string DemoMobile(string userName) =>
        "1390000" + ((userName.Aggregate(17, (hash, c) => unchecked(hash * 31 + c)) & 0x7fffffff) % 10000).ToString("D4", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>A demo account's WeCom account name, in the address book's style: ZhongyiStaff for zhongyi-staff.</summary>
    public static string DemoChannelUserId(string userName) =>
        string.Concat(userName.Split('-', StringSplitOptions.RemoveEmptyEntries).Select(p => char.ToUpperInvariant(p[0]) + p[1..]));

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
            throw new InvalidOperationException("Seeding users failed: " + string.Join("; ", result.Errors.Select(e => e.Description)));
    }
}
