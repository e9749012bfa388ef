using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Shizhu.Host.Setup;
using Shizhu.Host.Tests.Infrastructure;

namespace Shizhu.Host.Tests.Telemetry;

[Trait("Category", "Unit")]
public sealed class StartupWorkHealthCheckTests
{
    [Fact]
    public async Task ReadinessIsUnhealthyUntilTheBackgroundStartUpWorkIsDone()
    {
        var work = new StartupWork();
        var check = new StartupWorkHealthCheck(work);

        Assert.Equal(HealthStatus.Unhealthy, (await check.CheckHealthAsync(new HealthCheckContext())).Status);
        work.Done();
        Assert.Equal(HealthStatus.Healthy, (await check.CheckHealthAsync(new HealthCheckContext())).Status);
    }
}

/// <summary>The Host as its own process against an existing database: readiness only once the seeding has run.</summary>
[Trait("Category", "Postgres")]
[Trait("Category", "Broker")]
public sealed class StartupReadinessTests
{
    [Fact]
    public async Task AReadyHostHasLoggedItsStartUpTimelineAndCanSignInItsSeededAdministrator()
    {
        await using var host = new HostProcess();
        await host.StartAsync();

        await host.WaitUntilReadyAsync(TimeSpan.FromMinutes(3));

        // Ready means seeded: the administrator made by the background start-up work signs in at once.
        using var client = host.CreateClient();
        using var login = await client.PostAsJsonAsync("/api/auth/login", new { userName = HostFixture.AdminUser, password = HostFixture.AdminPassword });
        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        foreach (var phase in new[] { "services registered", "migration history read", "hosted services started and listening", "background start-up work done: ready" })
            Assert.Contains($"Start-up timeline: {phase}", host.Output, StringComparison.Ordinal);
        var order = new[] { "accounts seeded", "background start-up work done: ready" }.Select(p => host.Output.IndexOf(p, StringComparison.Ordinal)).ToList();
        Assert.True(order[0] >= 0 && order[0] < order[1], "the Host was reported ready before its accounts were seeded:\n" + host.Output);
    }
}
