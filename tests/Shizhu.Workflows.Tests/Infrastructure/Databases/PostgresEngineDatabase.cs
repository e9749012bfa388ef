using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Shizhu.Workflows.Persistence;
using Shizhu.Workflows.Persistence.Postgres;
using Shizhu.Workflows.ReferenceData;

namespace Shizhu.Workflows.Tests.Infrastructure.Databases;

/// <summary>
/// PostgreSQL for the engine suite. One template database per test run is migrated by EF Core's migrations (as the
/// Host's <c>DatabaseInitializer</c> does) and seeded; each harness then gets its own copy by
/// <c>CREATE DATABASE … TEMPLATE</c>, which is much faster than migrating again and keeps tests apart without
/// serialising them on one shared database.
/// </summary>
public sealed class PostgresEngineDatabase : EngineDatabase
{
    private static readonly Lazy<Task<PostgresTemplate>> Template = new(() => PostgresTemplate.CreateAsync(MigrateAndSeedAsync));

    private static async Task MigrateAndSeedAsync(string connectionString)
    {
        await using var db = new PostgresWorkflowDbContext(Options(connectionString, []));
        await db.Database.MigrateAsync(CancellationToken.None);
        await new ReferenceDataSeeder(db, new FakeTimeProvider(EngineHarness.January2022)).SeedAsync(CancellationToken.None);
    }

    public override async Task<HarnessDatabase> CreateAsync(IInterceptor[] interceptors)
    {
        var template = await Template.Value;
        var connectionString = await template.CopyAsync();
        return new Database(template, connectionString, interceptors);
    }

    internal static DbContextOptions<PostgresWorkflowDbContext> Options(string connectionString, IInterceptor[] interceptors)
    {
        var options = new DbContextOptionsBuilder<PostgresWorkflowDbContext>();
        options.UseWorkflowPostgres(connectionString).AddInterceptors(interceptors);
        return options.Options;
    }

    private sealed class Database(PostgresTemplate template, string connectionString, IInterceptor[] interceptors) : HarnessDatabase
    {
        private readonly DbContextOptions<PostgresWorkflowDbContext> _options = Options(connectionString, interceptors);

        // Pooled, as production registers it (src/Host/Setup/DatabaseSetup.cs): the batch path keeps state on a
        // context that must be dropped when the pool takes the context back.
        public override void AddTo(IServiceCollection services)
        {
            services.AddDbContextPool<WorkflowDbContext, PostgresWorkflowDbContext>(o =>
                o.UseWorkflowPostgres(connectionString).AddInterceptors(interceptors));
            services.AddWorkflowStore(DatabaseProvider.Postgres);
        }

        public override WorkflowDbContext NewDbContext() => new PostgresWorkflowDbContext(_options);

        public override async ValueTask DisposeAsync() => await template.DropCopyAsync(connectionString);
    }
}
