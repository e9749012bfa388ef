using Microsoft.Extensions.DependencyInjection;
using Shizhu.Workflows.Persistence;

namespace Shizhu.Workflows.Tests.Infrastructure.Databases;

/// <summary>One harness's own database: how the engine reaches it (DI) and how a test opens a context on it.</summary>
public abstract class HarnessDatabase : IAsyncDisposable
{
    /// <summary>
    /// The one place the harness registers persistence with the engine's services, as the Host's
    /// <c>DatabaseSetup</c> does for its provider. A provider-specific store joins here.
    /// </summary>
    public abstract void AddTo(IServiceCollection services);

    /// <summary>A fresh context on this database, for arranging and asserting outside the engine.</summary>
    public abstract WorkflowDbContext NewDbContext();

    public abstract ValueTask DisposeAsync();
}
