using Hangfire;
using Shizhu.Workflows.Supervision;

namespace Shizhu.Host.Setup;

public static class SupervisionSetup
{
    /// <summary>Binds the <c>Supervision</c> section (urge gap, card thresholds; ADR 0037) before the engine registers its defaults.</summary>
    public static void AddSupervisionSettings(this IHostApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection(SupervisionOptions.Section).Get<SupervisionOptions>() ?? new SupervisionOptions();
        builder.Services.AddSingleton(options);
        builder.Services.AddScoped<Supervision.DigestJobs>();
    }

    /// <summary>The daily digest's minutely check (ADR 0037), registered by the background start-up work beside the timer sweep.</summary>
    public static void RegisterDailyDigest(IServiceProvider services) =>
        services.GetRequiredService<Hangfire.IRecurringJobManager>()
            .AddOrUpdate<Supervision.DigestJobs>(Supervision.DigestJobs.JobId, j => j.RunAsync(CancellationToken.None), Hangfire.Cron.Minutely());
}
