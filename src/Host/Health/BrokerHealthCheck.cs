using Microsoft.Extensions.Diagnostics.HealthChecks;
using Shizhu.Host.Messaging;

namespace Shizhu.Host.Health;

/// <summary>Unhealthy while RabbitMQ refuses a connection; Healthy at the first probe after it is back.</summary>
public sealed class BrokerHealthCheck(BrokerProbe broker) : IHealthCheck
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(3);

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default)
    {
        if (!broker.Applies) return HealthCheckResult.Healthy("In-memory transport");
        var failure = await broker.TryConnectAsync(Timeout, ct);
        return failure is null
            ? HealthCheckResult.Healthy("RabbitMQ accepts connections")
            : new HealthCheckResult(context.Registration.FailureStatus, "RabbitMQ refuses connections: " + failure.Message);
    }
}
