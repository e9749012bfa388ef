using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Shizhu.Host.Configuration;
using Shizhu.Host.Identity;
using Shizhu.Notifications.Persistence;
using Shizhu.Workflows.Persistence;
using Shizhu.Workflows.ReferenceData;

namespace Shizhu.Host.Setup;

/// <summary>Applies migrations of the three contexts and seeds reference data and accounts, before the Host serves.</summary>
public sealed class DatabaseInitializer(
    WorkflowDbContext workflows, NotificationDbContext notifications, AppIdentityDbContext identity,
    ReferenceDataSeeder referenceData, IdentitySeeder users, IOptions<DatabaseOptions> options, ILogger<DatabaseInitializer> logger)
{
    public async Task InitializeAsync(CancellationToken ct)
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

    public static async Task RunAsync(IServiceProvider services, CancellationToken ct = default)
    {
        await using var scope = services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().InitializeAsync(ct);
    }
}
