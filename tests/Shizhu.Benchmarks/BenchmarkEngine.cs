using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Shizhu.Workflows;
using Shizhu.Workflows.Outbox;
using Shizhu.Workflows.Persistence;
using Shizhu.Workflows.Persistence.Postgres;
using Shizhu.Workflows.Runtime;

namespace Shizhu.Benchmarks;

/// <summary>
/// The engine wired as the Host wires it in production (<c>src/Host/Setup/DatabaseSetup.cs</c>): a pooled
/// <see cref="PostgresWorkflowDbContext"/> and the PostgreSQL workflow store (<see cref="WorkflowStoreRegistration.AddWorkflowDatabase"/>),
/// <see cref="EngineServiceCollectionExtensions.AddWorkflowEngine"/>, the real clock. Each command runs in its
/// own DI scope, as one HTTP request does; scopes are not validated, as in a Production host.
/// </summary>
internal sealed class BenchmarkEngine : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    public BenchmarkEngine(string connectionString, params IInterceptor[] interceptors) : this(connectionString, TimeProvider.System, interceptors)
    {
    }

    /// <summary>With another clock than the real one: the timer benchmark moves it past the deadlines it made.</summary>
    public BenchmarkEngine(string connectionString, TimeProvider clock, params IInterceptor[] interceptors) : this(connectionString, clock, null, interceptors)
    {
    }

    /// <summary>With services of the caller's before the engine's (the replay's evidence store).</summary>
    public BenchmarkEngine(string connectionString, TimeProvider clock, Action<IServiceCollection>? configure, params IInterceptor[] interceptors)
    {
        ConnectionString = connectionString;
        var services = new ServiceCollection();
        configure?.Invoke(services);
        services.AddSingleton(clock);
        services.AddSingleton<NoOpWakeUps>();
        services.AddSingleton<ITimerScheduler>(sp => sp.GetRequiredService<NoOpWakeUps>());
        services.AddSingleton<IOutboxSignal>(sp => sp.GetRequiredService<NoOpWakeUps>());
        services.AddWorkflowDatabase(DatabaseProvider.Postgres, connectionString, o => o.AddInterceptors(interceptors));
        services.AddWorkflowEngine();
        _services = services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = false, ValidateOnBuild = true });
    }

    public string ConnectionString { get; }

    public async Task<TResult> InScopeAsync<TService, TResult>(Func<TService, Task<TResult>> action) where TService : notnull
    {
        await using var scope = _services.CreateAsyncScope();
        return await action(scope.ServiceProvider.GetRequiredService<TService>());
    }

    public ValueTask DisposeAsync() => _services.DisposeAsync();
}
