using Hangfire;
using Shizhu.Workflows.Bulletins;

namespace Shizhu.Host.Bulletins;

/// <summary>
/// The monthly bulletin on the application clock (simulated or real): a minutely Hangfire job that, once the clock is in
/// a new month, generates last month's draft — once, keyed by the month in the idempotency pipeline, across replicas.
/// Minutely rather than a monthly cron because Hangfire's cron runs on wall time and the demo's clock jumps.
/// </summary>
public sealed class BulletinJobs(BulletinOffice office, ILogger<BulletinJobs> logger)
{
    public const string MonthlyJobId = "monthly-bulletin";

    [DisableConcurrentExecution(timeoutInSeconds: 60)]
    public async Task MonthlyAsync(CancellationToken ct)
    {
        if (await office.GenerateMonthlyAsync(ct) is { } bulletin)
            logger.LogInformation("Monthly bulletin {BulletinId} generated for {Year}-{Month}", bulletin.Id, bulletin.PeriodYear, bulletin.PeriodMonth);
    }
}

public static class BulletinSchedule
{
    /// <summary>Registered by the background start-up work beside the timer sweep (ADR 0042).</summary>
    public static void RegisterMonthlyBulletin(IServiceProvider services) =>
        services.GetRequiredService<IRecurringJobManager>()
            .AddOrUpdate<BulletinJobs>(BulletinJobs.MonthlyJobId, j => j.MonthlyAsync(CancellationToken.None), Cron.Minutely());
}
