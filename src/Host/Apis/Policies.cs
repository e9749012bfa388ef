using Microsoft.AspNetCore.Authorization;
using Shizhu.Workflows.Access;

namespace Shizhu.Host.Apis;

/// <summary>Authorisation policies by role. Township confinement is enforced by the engine's queries.</summary>
public static class Policies
{
    public const string CountyAdmin = "county-admin";
    public const string Leaders = "leaders";
    /// <summary>Who may urge (催办) a task or a township: the county office, county leaders and the supervision office.</summary>
    public const string Urgers = "urgers";

    public static AuthorizationBuilder AddShizhuPolicies(this AuthorizationBuilder builder) => builder
        .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build())
        .AddPolicy(CountyAdmin, p => p.RequireRole(Roles.CountyAdmin))
        .AddPolicy(Leaders, p => p.RequireRole(Roles.CountyAdmin, Roles.CountyLeader, Roles.TownshipLeader, Roles.CountySupervisor))
        .AddPolicy(Urgers, p => p.RequireRole(Roles.CountyAdmin, Roles.CountyLeader, Roles.CountySupervisor));
}
