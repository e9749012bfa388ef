using Shizhu.Notifications.Audiences;
using Shizhu.Workflows.Access;

namespace Shizhu.Notifications.Tests.Support;

/// <summary>
/// The tests' stand-in for the Host's user store, with the same semantics: a township code narrows a
/// township role to that township, a department code to that department's staff; null means every holder of the role.
/// </summary>
public sealed class InMemoryRecipientDirectory : IRecipientDirectory
{
    readonly List<(Recipient Person, string Role, string? TownshipCode, string? DepartmentCode)> people = [];

    public InMemoryRecipientDirectory Add(string userName, string displayName, string? email, string role, string? townshipCode,
        string? departmentCode = null)
    {
        people.Add((new Recipient(userName, displayName, email), role, townshipCode, departmentCode));
        return this;
    }

    /// <summary>Adds a person with every address on file (mobile, WeCom and DingTalk ids).</summary>
    public InMemoryRecipientDirectory Add(Recipient person, string role, string? townshipCode, string? departmentCode = null)
    {
        people.Add((person, role, townshipCode, departmentCode));
        return this;
    }

    public Task<IReadOnlyList<Recipient>> FindAsync(string role, string? townshipCode, string? departmentCode, CancellationToken ct)
    {
        var township = role is Roles.TownshipLeader or Roles.TownshipStaff ? townshipCode : null;
        IReadOnlyList<Recipient> found = [.. people
            .Where(p => p.Role == role && (township is null || p.TownshipCode == township)
                        && (departmentCode is null || p.DepartmentCode == departmentCode))
            .Select(p => p.Person)];
        return Task.FromResult(found);
    }
}
