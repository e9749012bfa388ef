using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Shizhu.Host.Configuration;
using Shizhu.Host.Identity;
using Shizhu.Testing.Databases;
using Shizhu.Workflows.Persistence;

namespace Shizhu.Host.Tests.Persistence;

/// <summary>
/// Replicas started together on a new database seed the same accounts at once (deploy/README, ADR 0052). The one
/// that commits second must not stop its Host: it finds the accounts the first one made.
/// </summary>
[Trait("Category", "Postgres")]
public sealed class IdentitySeederTests
{
    private const string AdminPassword = "Seed-Admin-Pass-2026!";

    [Fact]
    public async Task AnAccountAnotherReplicaCreatedFirstIsFoundAndSeedingCompletes()
    {
        await using var database = new TestPostgres();
        await database.StartAsync();
        var rival = new RivalReplicaSeedsFirst();
        await using var services = Services(database.ConnectionString, rival);
        await using (var scope = services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<AppIdentityDbContext>().Database.MigrateAsync();
        rival.Services = services;

        await using (var scope = services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<IdentitySeeder>().SeedAsync(CancellationToken.None);

        Assert.True(rival.Fired, "the rival replica never seeded: the race was not staged");
        await using var check = services.CreateAsyncScope();
        var users = check.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        Assert.Single(await users.Users.Where(u => u.UserName == "admin").ToListAsync());
        Assert.True(await users.CheckPasswordAsync((await users.FindByNameAsync("admin"))!, AdminPassword));
    }

    private static ServiceProvider Services(string connectionString, RivalReplicaSeedsFirst rival)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton(TimeProvider.System);
        services.AddDbContext<AppIdentityDbContext, PostgresIdentityDbContext>(o => o.UseIdentityPostgres(connectionString).AddInterceptors(rival));
        services.AddWorkflowDatabase(DatabaseProvider.Postgres, connectionString);
        services.AddIdentityCore<AppUser>().AddRoles<IdentityRole>().AddEntityFrameworkStores<AppIdentityDbContext>();
        services.AddSingleton(Microsoft.Extensions.Options.Options.Create(new SeedOptions { AdminUser = "admin", AdminPassword = AdminPassword }));
        services.AddScoped<IdentitySeeder>();
        return services.BuildServiceProvider();
    }

    /// <summary>
    /// Just before the seeder first saves the administrator, another replica (a second seeder in its own scope) seeds
    /// everything and commits: the first seeder's insert then meets the unique user name, as in a real race.
    /// </summary>
    private sealed class RivalReplicaSeedsFirst : SaveChangesInterceptor
    {
        public IServiceProvider? Services { get; set; }

        public bool Fired { get; private set; }

        public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData,
            InterceptionResult<int> result, CancellationToken cancellationToken = default)
        {
            var addsAdmin = eventData.Context!.ChangeTracker.Entries<AppUser>()
                .Any(e => e.State == EntityState.Added && e.Entity.UserName == "admin");
            if (addsAdmin && !Fired && Services is not null)
            {
                Fired = true;
                await using var scope = Services.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<IdentitySeeder>().SeedAsync(cancellationToken);
            }
            return result;
        }
    }
}
