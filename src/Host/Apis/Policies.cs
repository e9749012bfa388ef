using Microsoft.AspNetCore.Authorization;
using Shizhu.Workflows.Access;

namespace Shizhu.Host.Apis;

/// <summary>Authorisation policies by role. Township confinement is enforced by the engine's queries.</summary>
public static class Policies
{
    public const string CountyAdmin = "county-admin";
    public const string Leaders = "leaders";

    public static AuthorizationBuilder AddShizhuPolicies(this AuthorizationBuilder builder) => builder
        .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build())
        .AddPolicy(CountyAdmin, p => p.RequireRole(Roles.CountyAdmin))
        .AddPolicy(Leaders, p => p.RequireRole(Roles.CountyAdmin, Roles.CountyLeader, Roles.TownshipLeader));
}
