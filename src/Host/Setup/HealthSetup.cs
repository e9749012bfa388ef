using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Shizhu.Workflows.Persistence;

namespace Shizhu.Host.Setup;

public static class HealthSetup
{
    private const string Ready = "ready";

    /// <summary>Readiness checks the database and the broker (MassTransit registers its bus check tagged "ready").</summary>
    public static void AddHealthChecks(this IHostApplicationBuilder builder) =>
        builder.Services.AddHealthChecks().AddDbContextCheck<WorkflowDbContext>("database", tags: [Ready]);

    public static void MapHealth(this WebApplication app)
    {
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false }).AllowAnonymous();
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = c => c.Tags.Contains(Ready) }).AllowAnonymous();
    }
}
