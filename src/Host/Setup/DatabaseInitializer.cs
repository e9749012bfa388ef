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
/// <remarks>
/// The contexts and seeders are resolved when used, not injected: on an up-to-date database with nothing to seed,
/// building them (each context's EF Core services, Identity's managers) would be most of the start-up's work (ADR 0052).
/// </remarks>
public sealed class DatabaseInitializer(
    IServiceProvider services, SchemaContexts contexts, BrokerProbe broker, TimeProvider clock,
    IOptions<DatabaseOptions> options, IOptions<SeedOptions> seed, IOptions<StartupOptions> startup, ILogger<DatabaseInitializer> logger)
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

    /// <summary>
    /// After the Host listens (<see cref="BackgroundStartup"/>, readiness waits for it): reference data, templates,
    /// accounts — each skipped when its <see cref="SeedMark"/> says this build, with these settings, seeded it already
    /// (ADR 0052), which is every start but the first after a release or a change of the seed settings.
    /// </summary>
    public async Task SeedAsync(CancellationToken ct)
    {
        await WaitForAsync("database", async () =>
        {
            var marks = await services.GetRequiredService<SeedMarkStore>().ReadAsync(ct);
            await SeedUnlessMarkedAsync(marks, SeedMark.ReferenceData, SeedFingerprints.ReferenceData(),
                c => services.GetRequiredService<ReferenceDataSeeder>().SeedAsync(c), "reference data and built-in templates", ct);
            await SeedUnlessMarkedAsync(marks, SeedMark.Accounts, SeedFingerprints.Accounts(seed.Value),
                c => services.GetRequiredService<IdentitySeeder>().SeedAsync(c), "accounts", ct);
            return null;
        }, clock.GetTimestamp(), ct);
    }

    private async Task SeedUnlessMarkedAsync(IReadOnlyDictionary<string, string> marks, string key, string fingerprint,
        Func<CancellationToken, Task> seeder, string what, CancellationToken ct)
    {
        if (marks.TryGetValue(key, out var stored) && stored == fingerprint)
        {
            StartupTimeline.Mark($"{what} already seeded by this build (skipped)");
            return;
        }
        await seeder(ct);
        await services.GetRequiredService<SeedMarkStore>().WriteAsync(key, fingerprint, ct);
        StartupTimeline.Mark($"{what} seeded (in the background)");
        logger.LogInformation("Seeded {What} ({Key} {Fingerprint})", what, key, fingerprint[..12]);
    }

    private async Task MigrateAsync(CancellationToken ct)
    {
        if (!options.Value.MigrateOnStartup) return;
        // An up-to-date database (every start but the first after a release) is told by the history tables alone:
        // MigrateAsync would also take the migration lock and diff the model against its snapshot, seconds on a busy machine.
        var histories = contexts.Types.Select(t => (t, (DbContextOptions)services.GetRequiredService(typeof(DbContextOptions<>).MakeGenericType(t)))).ToList();
        var upToDate = await MigrationHistory.AllAppliedAsync(options.Value.Provider, histories, ct);
        StartupTimeline.Mark(upToDate ? "migration history read: nothing pending" : "migration history read: migrations to apply");
        if (upToDate) return;
        await services.GetRequiredService<WorkflowDbContext>().Database.MigrateAsync(ct);
        await services.GetRequiredService<NotificationDbContext>().Database.MigrateAsync(ct);
        await services.GetRequiredService<AppIdentityDbContext>().Database.MigrateAsync(ct);
        StartupTimeline.Mark("migrations applied");
        logger.LogInformation("Database migrations applied ({Provider})", options.Value.Provider);
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
        services.GetRequiredService<WorkflowDbContext>().ChangeTracker.Clear();
        services.GetRequiredService<NotificationDbContext>().ChangeTracker.Clear();
        services.GetRequiredService<AppIdentityDbContext>().ChangeTracker.Clear();
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
