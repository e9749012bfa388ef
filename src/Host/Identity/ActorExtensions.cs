using System.Security.Claims;
using Shizhu.Notifications;
using Shizhu.Workflows.Access;

namespace Shizhu.Host.Identity;

/// <summary>Turns the signed-in principal (cookie or bearer token) into the engine's <see cref="Actor"/>.</summary>
public static class ActorExtensions
{
    public static Actor ToActor(this ClaimsPrincipal principal)
    {
        var identity = principal.Identity as ClaimsIdentity
            ?? throw new InvalidOperationException("The request is not authenticated.");
        var roles = principal.FindAll(identity.RoleClaimType).Select(c => c.Value).ToHashSet(StringComparer.Ordinal);
        return new Actor(identity.Name ?? throw new InvalidOperationException("The principal has no name."),
            roles, principal.FindFirstValue(ShizhuClaims.TownshipCode), principal.FindFirstValue(ShizhuClaims.DepartmentCode),
            principal.FindFirstValue(ShizhuClaims.DisplayName));
    }

    public static NotificationRecipient ToRecipient(this ClaimsPrincipal principal)
    {
        var actor = principal.ToActor();
        return new NotificationRecipient(actor.UserName, actor.Roles, actor.TownshipCode, actor.DepartmentCode);
    }

    public static string DisplayName(this ClaimsPrincipal principal) =>
        principal.FindFirstValue(ShizhuClaims.DisplayName) ?? principal.Identity?.Name ?? "";
}
