using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Shizhu.Host.Configuration;
using Shizhu.Host.Errors;
using Shizhu.Host.Identity;
using Shizhu.Host.Messaging;
using Shizhu.Notifications.Persistence;
using Shizhu.Workflows.Persistence;
using Shizhu.Workflows.ReferenceData;

namespace Shizhu.Host.Setup;

/// <summary>
/// Applies migrations of the three contexts and seeds reference data and accounts, before the Host serves.
/// A database or broker that is not there yet (the Host started first, a restart of the machine) is waited for,
/// with growing pauses, for <see cref="StartupOptions.WaitForDependencies"/> (ADR 0023).
/// </summary>
public sealed class DatabaseInitializer(
    WorkflowDbContext workflows, NotificationDbContext notifications, AppIdentityDbContext identity,
    ReferenceDataSeeder referenceData, IdentitySeeder users, BrokerProbe broker, TimeProvider clock,
    IOptions<DatabaseOptions> options, IOptions<StartupOptions> startup, ILogger<DatabaseInitializer> logger)
{
    public async Task InitializeAsync(CancellationToken ct)
    {
        var deadline = clock.GetTimestamp();
        await WaitForAsync("database", async () =>
        {
            await MigrateAndSeedAsync(ct);
            return null;
        }, deadline, ct);
        await WaitForAsync("broker", () => broker.TryConnectAsync(TimeSpan.FromSeconds(5), ct), deadline, ct);
    }

    private async Task MigrateAndSeedAsync(CancellationToken ct)
    {
        if (options.Value.MigrateOnStartup)
        {
            await workflows.Database.MigrateAsync(ct);
            await notifications.Database.MigrateAsync(ct);
            await identity.Database.MigrateAsync(ct);
            logger.LogInformation("Database migrations applied ({Provider})", options.Value.Provider);
        }
        await referenceData.SeedAsync(ct);
        await users.SeedAsync(ct);
    }

    /// <summary>Runs <paramref name="attempt"/> until it succeeds (answers null) or the wait started at <paramref name="since"/> is over.</summary>
    private async Task WaitForAsync(string dependency, Func<Task<Exception?>> attempt, long since, CancellationToken ct)
    {
        var limit = startup.Value.WaitForDependencies;
        var pause = TimeSpan.FromMilliseconds(500);
        for (var tries = 1; ; tries++)
        {
            Exception? failure;
            try
            {
                failure = await attempt();
            }
            catch (Exception ex) when (DatabaseOutageHandler.IsOutage(ex))
            {
                failure = ex;
                ClearTracking();
            }
            if (failure is null)
            {
                if (tries > 1) logger.LogInformation("The {Dependency} answered after {Tries} attempts", dependency, tries);
                return;
            }
            var waited = clock.GetElapsedTime(since);
            if (waited + pause > limit)
            {
                logger.LogCritical(failure, "The {Dependency} did not answer within {Limit}; giving up", dependency, limit);
                throw new InvalidOperationException($"The {dependency} did not answer within Startup:WaitForDependencies ({limit}).", failure);
            }
            logger.LogWarning("The {Dependency} is not reachable yet ({Reason}); attempt {Tries}, retrying in {Pause}",
                dependency, failure.Message, tries, pause);
            await Task.Delay(pause, clock, ct);
            pause = TimeSpan.FromMilliseconds(Math.Min(pause.TotalMilliseconds * 2, 10_000));
        }
    }

    private void ClearTracking()
    {
        workflows.ChangeTracker.Clear();
        notifications.ChangeTracker.Clear();
        identity.ChangeTracker.Clear();
    }

    public static async Task RunAsync(IServiceProvider services, CancellationToken ct = default)
    {
        await using var scope = services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().InitializeAsync(ct);
    }
}
