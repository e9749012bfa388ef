using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Shizhu.Host.Health;
using Shizhu.Host.Messaging;
using Shizhu.Workflows.Persistence;

namespace Shizhu.Host.Setup;

public static class HealthSetup
{
    private const string Ready = "ready";

    /// <summary>
    /// Readiness checks the database, the broker (when the transport is RabbitMQ) and reports the outbox backlog.
    /// Each probe asks the dependency afresh, so readiness is Healthy again at the first probe after it returns
    /// (ADR 0023); MassTransit's own bus check is left out of readiness because it stays Degraded after reconnects.
    /// </summary>
    public static void AddHealthChecks(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton<BrokerProbe>();
        builder.Services.AddSingleton<StartupWork>();
        builder.Services.AddHostedService<BackgroundStartup>();
        builder.Services.AddHealthChecks()
            .AddCheck<StartupWorkHealthCheck>("startup", tags: [Ready])
            .AddDbContextCheck<WorkflowDbContext>("database", tags: [Ready])
            .AddCheck<BrokerHealthCheck>("broker", tags: [Ready])
            .AddCheck<OutboxHealthCheck>("outbox", tags: [Ready]);
    }

    public static void MapHealth(this WebApplication app)
    {
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false }).AllowAnonymous();
        app.MapHealthChecks("/health/ready", new HealthCheckOptions
        {
            Predicate = c => c.Tags.Contains(Ready) && c.Name is "startup" or "database" or "broker" or "outbox",
            // A probe reads the status code only: anything short of Healthy must not look ready.
            ResultStatusCodes =
            {
                [HealthStatus.Healthy] = StatusCodes.Status200OK,
                [HealthStatus.Degraded] = StatusCodes.Status503ServiceUnavailable,
                [HealthStatus.Unhealthy] = StatusCodes.Status503ServiceUnavailable,
            },
            ResponseWriter = HealthResponseWriter.WriteAsync,
        }).AllowAnonymous();
    }
}
