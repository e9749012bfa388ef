using Hangfire;
using Hangfire.PostgreSql;
using Microsoft.Extensions.Options;
using Shizhu.Host.Configuration;
using Shizhu.Host.Timers;
using Shizhu.Workflows.Runtime;

namespace Shizhu.Host.Setup;

public static class SchedulerSetup
{
    /// <summary>Hangfire: durable timer wake-ups and the minutely sweep; PostgreSQL storage in production, in-memory embedded.</summary>
    public static void AddScheduler(this IHostApplicationBuilder builder)
    {
        var section = builder.Configuration.GetSection(SchedulerOptions.Section);
        builder.Services.Configure<SchedulerOptions>(section);
        var options = section.Get<SchedulerOptions>() ?? new SchedulerOptions();
        var databaseConnection = builder.Configuration[$"{DatabaseOptions.Section}:ConnectionString"];

        builder.Services.AddHangfire(config =>
        {
            config.SetDataCompatibilityLevel(CompatibilityLevel.Version_180).UseSimpleAssemblyNameTypeSerializer().UseRecommendedSerializerSettings();
            if (options.Storage == SchedulerStorage.Postgres)
                config.UsePostgreSqlStorage(
                    pg => pg.UseNpgsqlConnection(options.ConnectionString ?? databaseConnection),
                    new PostgreSqlStorageOptions { QueuePollInterval = options.PollInterval, PrepareSchemaIfNecessary = true });
            else
                config.UseInMemoryStorage();
        });
        if (options.RunServer)
            builder.Services.AddHangfireServer(s =>
            {
                s.SchedulePollingInterval = options.PollInterval;
                s.WorkerCount = Math.Max(2, Environment.ProcessorCount * 2);
            });
        builder.Services.AddScoped<TimerJobs>();
        builder.Services.AddSingleton<ITimerScheduler, HangfireTimerScheduler>();
    }

    /// <summary>
    /// The minutely sweep: fires timers whose own wake-up was lost (storage reset, restart). Registered by the background
    /// start-up work (<see cref="BackgroundStartup"/>): the first touch of Hangfire's storage need not hold up listening.
    /// </summary>
    public static void RegisterTimerSweep(IServiceProvider services)
    {
        var recurring = services.GetRequiredService<IRecurringJobManager>();
        recurring.AddOrUpdate<TimerJobs>(TimerJobs.SweepJobId, j => j.SweepAsync(CancellationToken.None), Cron.Minutely());
    }
}
