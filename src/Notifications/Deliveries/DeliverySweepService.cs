using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Shizhu.Notifications.Pipeline;

namespace Shizhu.Notifications.Deliveries;

/// <summary>
/// Runs <see cref="DeliverySweep"/> every <see cref="DeliveryOptions.SweepInterval"/> in its own scope. The pause is
/// wall time (a simulated or standing clock would never end it); what is due is decided on the application clock.
/// A failed run (database down) is logged and the next one tries again: the log keeps every row.
/// </summary>
public sealed class DeliverySweepService(
    IServiceScopeFactory scopes, IOptionsMonitor<DeliveryOptions> options, ILogger<DeliverySweepService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(options.CurrentValue.SweepInterval, stoppingToken);
                await using var scope = scopes.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<DeliverySweep>().RunOnceAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                logger.LogWarning(ex, "The delivery sweep failed; it runs again in {Interval}", options.CurrentValue.SweepInterval);
            }
        }
    }
}
