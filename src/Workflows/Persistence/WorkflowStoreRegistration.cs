using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Shizhu.Workflows.Persistence.Postgres;
using Shizhu.Workflows.Persistence.Sqlite;

namespace Shizhu.Workflows.Persistence;

/// <summary>
/// The one place that pairs a provider with its <see cref="IWorkflowStore"/> (ADR 0018): the Host, the benchmark and
/// the test harnesses register the engine's database here, so the engine core never asks which provider it runs on.
/// </summary>
public static class WorkflowStoreRegistration
{
    /// <summary>
    /// A pooled <see cref="WorkflowDbContext"/> on <paramref name="provider"/> (every command and query takes a context,
    /// and building one from scratch costs more than the work) and the store that goes with it.
    /// <paramref name="configure"/> may add to the provider's options (interceptors).
    /// </summary>
    public static IServiceCollection AddWorkflowDatabase(this IServiceCollection services, DatabaseProvider provider, string connectionString,
        Action<DbContextOptionsBuilder>? configure = null)
    {
        if (provider == DatabaseProvider.Postgres)
            services.AddDbContextPool<WorkflowDbContext, PostgresWorkflowDbContext>(o => (configure ?? NoMore)(o.UseWorkflowPostgres(connectionString)));
        else
            services.AddDbContextPool<WorkflowDbContext, SqliteWorkflowDbContext>(o => (configure ?? NoMore)(o.UseWorkflowSqlite(connectionString)));
        return services.AddWorkflowStore(provider);
    }

    private static void NoMore(DbContextOptionsBuilder options) { }

    /// <summary>The store for <paramref name="provider"/>, for a caller that registers the <see cref="WorkflowDbContext"/> itself.</summary>
    public static IServiceCollection AddWorkflowStore(this IServiceCollection services, DatabaseProvider provider) =>
        provider == DatabaseProvider.Postgres
            ? services.AddScoped<IWorkflowStore, PostgresWorkflowStore>()
            : services.AddScoped<IWorkflowStore, EfWorkflowStore>();
}
