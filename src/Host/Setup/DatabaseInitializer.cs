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
/// Applies migrations of the three contexts before the Host serves, and seeds reference data and accounts once it
/// listens (<see cref="BackgroundStartup"/>; <c>/health/ready</c> answers 503 until then, ADR 0042).
/// A database or broker that is not there yet (the Host started first, a restart of the machine) is waited for,
/// with growing pauses, for <see cref="StartupOptions.WaitForDependencies"/> (ADR 0023).
/// </summary>
public sealed class DatabaseInitializer(
    WorkflowDbContext workflows, NotificationDbContext notifications, AppIdentityDbContext identity,
    ReferenceDataSeeder referenceData, IdentitySeeder users, BrokerProbe broker, TimeProvider clock,
    IOptions<DatabaseOptions> options, IOptions<StartupOptions> startup, ILogger<DatabaseInitializer> logger)
{
    /// <summary>Before the Host serves: the schema (migrations) and the broker.</summary>
    public async Task InitializeAsync(CancellationToken ct)
    {
        var deadline = clock.GetTimestamp();
        await WaitForAsync("database", async () =>
        {
            await MigrateAsync(ct);
            return null;
        }, deadline, ct);
        await WaitForAsync("broker", () => broker.TryConnectAsync(TimeSpan.FromSeconds(5), ct), deadline, ct);
        StartupTimeline.Mark("broker reached");
    }

    /// <summary>After the Host listens (<see cref="BackgroundStartup"/>, readiness waits for it): reference data, templates, accounts.</summary>
    public async Task SeedAsync(CancellationToken ct)
    {
        await WaitForAsync("database", async () =>
        {
            await referenceData.SeedAsync(ct);
            StartupTimeline.Mark("reference data and built-in templates seeded (in the background)");
            await users.SeedAsync(ct);
            StartupTimeline.Mark("accounts seeded (in the background)");
            return null;
        }, clock.GetTimestamp(), ct);
    }

    private async Task MigrateAsync(CancellationToken ct)
    {
        if (!options.Value.MigrateOnStartup) return;
        // An up-to-date database (every start but the first after a release) is told by the history table alone:
        // MigrateAsync would also take the migration lock and diff the model against its snapshot, seconds on a busy machine.
        var pending = await Task.WhenAll(
            PendingAsync(workflows, ct), PendingAsync(notifications, ct), PendingAsync(identity, ct));
        StartupTimeline.Mark("migration history read (compiled EF models, ADR 0049)");
        if (pending.All(p => !p)) return;
        await workflows.Database.MigrateAsync(ct);
        await notifications.Database.MigrateAsync(ct);
        await identity.Database.MigrateAsync(ct);
        StartupTimeline.Mark("migrations applied");
        logger.LogInformation("Database migrations applied ({Provider})", options.Value.Provider);
    }

    private static async Task<bool> PendingAsync(DbContext db, CancellationToken ct) =>
        (await db.Database.GetPendingMigrationsAsync(ct)).Any();

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

    public static async Task SeedAsync(IServiceProvider services, CancellationToken ct)
    {
        await using var scope = services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().SeedAsync(ct);
    }
}
