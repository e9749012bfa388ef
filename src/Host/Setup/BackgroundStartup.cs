using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Shizhu.Host.Setup;

/// <summary>
/// The start-up work that can wait until the Host listens (ADR 0042): seeding reference data, built-in templates and
/// accounts (skipped when this build seeded them, ADR 0052). Readiness (<see cref="StartupWorkHealthCheck"/>) answers
/// 503 until it is done, so a load balancer sends nothing before. Then, once ready, it registers the minutely timer
/// sweep, daily digest and monthly bulletin jobs with Hangfire. If any of it fails after its retries the Host stops with
/// exit code 1, as a failed start did before it moved here.
/// </summary>
public sealed class BackgroundStartup(IServiceProvider services, StartupWork work, IHostApplicationLifetime lifetime,
    ILogger<BackgroundStartup> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await DatabaseInitializer.SeedAsync(services, stoppingToken);
            work.Done();
            StartupTimeline.Mark("background start-up work done: ready");
            // After ready (ADR 0052): no request needs the recurring jobs, and registering them (a lock and a write in
            // Hangfire's storage for each) is most of what is left once seeding is skipped. A failure still stops the Host.
            SchedulerSetup.RegisterTimerSweep(services);
            SupervisionSetup.RegisterDailyDigest(services);
            Bulletins.BulletinSchedule.RegisterMonthlyBulletin(services);
            StartupTimeline.Mark("recurring jobs registered (timer sweep, daily digest, monthly bulletin)");
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopped while starting.
        }
        catch (Exception ex)
        {
            logger.LogCritical(ex, "Start-up work (seeding, timer sweep) failed; stopping");
            Environment.ExitCode = 1;
            lifetime.StopApplication();
        }
    }
}

/// <summary>Whether <see cref="BackgroundStartup"/> has finished.</summary>
public sealed class StartupWork
{
    private volatile bool _done;

    public bool IsDone => _done;

    public void Done() => _done = true;
}

/// <summary>Unhealthy until the background start-up work is done: part of readiness, not of liveness.</summary>
public sealed class StartupWorkHealthCheck(StartupWork work) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default) =>
        Task.FromResult(work.IsDone
            ? HealthCheckResult.Healthy("start-up work done")
            : HealthCheckResult.Unhealthy("start-up work (seeding) still running"));
}
