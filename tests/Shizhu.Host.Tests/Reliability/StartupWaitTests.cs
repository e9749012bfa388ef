using System.Net;
using Shizhu.Host.Tests.Infrastructure;

namespace Shizhu.Host.Tests.Reliability;

/// <summary>
/// A Host started before its database and broker waits for them, logging each attempt, and becomes ready once
/// they answer — instead of aborting with an unhandled exception (ADR 0023).
/// </summary>
[Trait("Category", "Postgres")]
[Trait("Category", "Broker")]
public sealed class StartupWaitTests
{
    [Fact]
    public async Task AHostStartedBeforeItsDatabaseAndBrokerWaitsForThemAndBecomesReady()
    {
        await using var host = new HostProcess();
        await host.StartAsync(databaseCut: true, brokerCut: true);

        await WaitForOutputAsync(host, "The database is not reachable yet");
        await Task.Delay(TimeSpan.FromSeconds(3));
        Assert.False(host.HasExited, "the Host gave up while its database was unreachable:\n" + host.Output);
        host.DatabaseProxy.Restore();

        await WaitForOutputAsync(host, "The broker is not reachable yet");
        Assert.False(host.HasExited, "the Host gave up while its broker was unreachable:\n" + host.Output);
        host.BrokerProxy.Restore();

        await host.WaitUntilReadyAsync(TimeSpan.FromMinutes(3));
        using var client = host.CreateClient();
        using var live = await client.GetAsync("/health/live");
        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
    }

    private static async Task WaitForOutputAsync(HostProcess host, string text)
    {
        await Eventually.UntilAsync(() => Task.FromResult(host.Output.Contains(text, StringComparison.Ordinal) || host.HasExited),
            seen => seen, $"the Host to log \"{text}\"", TimeSpan.FromMinutes(3));
    }
}
