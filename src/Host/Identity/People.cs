using Microsoft.AspNetCore.Identity;
using Shizhu.Workflows.Access;
using Shizhu.Workflows.Runtime;
using Shizhu.Workflows.Runtime.Tasks;

namespace Shizhu.Host.Identity;

/// <summary>
/// Turns the user names and roles a task operation names (转办, 委派, 抄送) into the <see cref="Actor"/>s the engine checks:
/// the engine knows no user directory, Identity does. Unknown people or roles are refused naming the field.
/// </summary>
public static class People
{
    /// <summary>The user as the engine sees them; 400 naming <paramref name="field"/> when nobody has the name.</summary>
    public static async Task<Actor> FindAsync(UserManager<AppUser> users, string? userName, string field)
    {
        var name = userName?.Trim();
        if (string.IsNullOrEmpty(name)) throw WorkflowException.Invalid(field, "请指定接收人。");
        if (name.Length > 100) throw WorkflowException.Invalid(field, "用户名不能超过 100 个字符。");
        var user = await users.FindByNameAsync(name) ?? throw WorkflowException.Invalid(field, $"用户 {name} 不存在。");
        return await ActorOf(users, user);
    }

    /// <summary>
    /// The people a copy goes to: each listed user (field <c>users[i]</c>) and every holder of each listed role who can read
    /// the task's township's workflows (field <c>roles[i]</c>; a role with no such holder is refused).
    /// </summary>
    public static async Task<IReadOnlyList<(string Field, Actor Person)>> CopyRecipientsAsync(
        UserManager<AppUser> users, CopyTask command, string townshipCode)
    {
        var recipients = new List<(string, Actor)>();
        var names = command.Users ?? [];
        for (var i = 0; i < names.Count; i++) recipients.Add(($"users[{i}]", await FindAsync(users, names[i], $"users[{i}]")));
        var roles = command.Roles ?? [];
        for (var i = 0; i < roles.Count; i++)
        {
            var field = $"roles[{i}]";
            if (!Roles.All.Contains(roles[i])) throw WorkflowException.Invalid(field, $"没有角色 {roles[i]}。");
            var holders = new List<Actor>();
            foreach (var user in await users.GetUsersInRoleAsync(roles[i]))
            {
                var person = await ActorOf(users, user);
                if (person.CanSeeTownship(townshipCode) || person.DepartmentCode is not null) holders.Add(person);
            }
            if (holders.Count == 0) throw WorkflowException.Invalid(field, "该角色中没有能查看此创建工作流的人。");
            recipients.AddRange(holders.Select(h => (field, h)));
        }
        return recipients;
    }

    /// <summary>Everyone as the engine sees them, for the operation dialogs' pickers (the county has a few hundred accounts at most).</summary>
    public static async Task<IReadOnlyList<Actor>> EveryoneAsync(UserManager<AppUser> users)
    {
        var people = new List<Actor>();
        foreach (var user in users.Users.OrderBy(u => u.UserName).ToList().Where(u => !UserSessions.IsDisabled(u))) people.Add(await ActorOf(users, user));
        return people;
    }

    private static async Task<Actor> ActorOf(UserManager<AppUser> users, AppUser user) =>
        new(user.UserName ?? "", (await users.GetRolesAsync(user)).ToHashSet(StringComparer.Ordinal), user.TownshipCode, user.DepartmentCode,
            user.DisplayName);
}
