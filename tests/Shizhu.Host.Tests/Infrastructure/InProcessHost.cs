using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Shizhu.Host.Tests.Infrastructure;

/// <summary>
/// Starts the Host in the test process on Kestrel (a free loopback port) with the given settings. The Host reads its
/// settings while it composes itself, before a test factory's configuration applies, so they go in as environment
/// variables — which are the process's, shared by every Host the test classes start in parallel. One gate lets one
/// Host at a time set them, read them (the configuration keeps what it read) and put the previous values back.
/// </summary>
public static class InProcessHost
{
    private static readonly SemaphoreSlim Gate = new(1, 1);

    /// <summary>The started Host and its address; <paramref name="settings"/> use configuration keys (<c>Section:Key</c>).</summary>
    public static async Task<(WebApplicationFactory<Program> Factory, Uri BaseAddress)> StartAsync(IReadOnlyDictionary<string, string?> settings)
    {
        var variables = settings.ToDictionary(s => s.Key.Replace(":", "__", StringComparison.Ordinal), s => s.Value);
        variables["ASPNETCORE_URLS"] = "http://127.0.0.1:0";
        WebApplicationFactory<Program> factory;
        await Gate.WaitAsync();
        var previous = variables.Keys.ToDictionary(k => k, Environment.GetEnvironmentVariable);
        try
        {
            foreach (var (key, value) in variables) Environment.SetEnvironmentVariable(key, value);
            factory = new WebApplicationFactory<Program>().WithWebHostBuilder(b => b.UseEnvironment("Development"));
            factory.UseKestrel();
            factory.StartServer();
        }
        finally
        {
            foreach (var (key, value) in previous) Environment.SetEnvironmentVariable(key, value);
            Gate.Release();
        }
        // Seeding runs once the Host listens (ADR 0042); a test starts when the Host would be ready for traffic.
        var work = factory.Services.GetRequiredService<Shizhu.Host.Setup.StartupWork>();
        var deadline = DateTime.UtcNow.AddMinutes(2);
        while (!work.IsDone)
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException("The Host's start-up work did not finish within 2 minutes.");
            await Task.Delay(20);
        }
        var address = factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return (factory, new Uri(address.Replace("[::]", "127.0.0.1", StringComparison.Ordinal).Replace("0.0.0.0", "127.0.0.1", StringComparison.Ordinal)));
    }
}
