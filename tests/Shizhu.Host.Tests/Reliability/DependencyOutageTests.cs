using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Shizhu.Host.Tests.Infrastructure;

namespace Shizhu.Host.Tests.Reliability;

/// <summary>One Host process whose database and broker the tests cut and restore through proxies.</summary>
public sealed class OutageHostFixture : IAsyncLifetime
{
    public HostProcess Host { get; } = new();

    public async Task InitializeAsync()
    {
        await Host.StartAsync();
        await Host.WaitUntilReadyAsync(TimeSpan.FromMinutes(3));
    }

    public async Task DisposeAsync() => await Host.DisposeAsync();
}

/// <summary>
/// Readiness and answers while a dependency is down (ADR 0023): readiness answers 503 naming the failing check and
/// is Healthy again at the first probe after the dependency returns; liveness is unaffected; a request that needs
/// the database answers 503 with <c>Retry-After</c> instead of 500.
/// </summary>
[Trait("Category", "Postgres")]
[Trait("Category", "Broker")]
public sealed class DependencyOutageTests(OutageHostFixture fixture) : IClassFixture<OutageHostFixture>
{
    private HostProcess Host => fixture.Host;

    [Fact]
    public async Task ReadinessReportsTheOutboxBacklogAndTheAgeOfItsOldestEvent()
    {
        using var client = Host.CreateClient();

        var (status, body) = await ReadyAsync(client);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("Healthy", body.Str("status"));
        var outbox = body["checks"]!["outbox"]!["data"]!;
        Assert.Equal(0, outbox["backlog"]!.GetValue<int>());
        Assert.NotNull(outbox["oldestUnpublishedAgeSeconds"]);
        Assert.Equal("Healthy", body["checks"]!["broker"]!.Str("status"));
    }

    [Fact]
    public async Task ReadinessAnswers503WhileTheDatabaseIsDownAndHealthyAtOnceWhenItIsBack()
    {
        using var client = Host.CreateClient();
        Host.DatabaseProxy.Cut();
        try
        {
            var (status, body) = await ReadyAsync(client);
            Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
            Assert.Equal("Unhealthy", body["checks"]!["database"]!.Str("status"));
            using var live = await client.GetAsync("/health/live");
            Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        }
        finally
        {
            Host.DatabaseProxy.Restore();
        }
        Assert.Equal(HttpStatusCode.OK, (await ReadyAsync(client)).Status);
    }

    [Fact]
    public async Task ReadinessAnswers503WhileTheBrokerIsDownAndHealthyAtOnceWhenItIsBack()
    {
        using var client = Host.CreateClient();
        Host.BrokerProxy.Cut();
        try
        {
            var (status, body) = await ReadyAsync(client);
            Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
            Assert.Equal("Unhealthy", body["checks"]!["broker"]!.Str("status"));
            Assert.Equal("Healthy", body["checks"]!["database"]!.Str("status"));
        }
        finally
        {
            Host.BrokerProxy.Restore();
        }
        Assert.Equal(HttpStatusCode.OK, (await ReadyAsync(client)).Status);
    }

    [Fact]
    public async Task QueriesAndCommandsAnswer503WithRetryAfterWhileTheDatabaseIsDown()
    {
        using var client = Host.CreateClient();
        // Another test may have cut the database a moment ago: the first request after it can still answer 503.
        var token = await Eventually.UntilAsync(async () =>
        {
            using var login = await client.PostAsJsonAsync("/api/auth/login", new { userName = HostFixture.AdminUser, password = HostFixture.AdminPassword });
            return login.StatusCode == HttpStatusCode.OK ? (await login.ReadJsonAsync()).Str("accessToken") : null;
        }, t => t is not null, "the administrator to sign in");
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        Host.DatabaseProxy.Cut();
        try
        {
            using var query = await client.GetAsync("/api/workflows");
            using var command = await client.PostAsJsonAsync("/api/workflows", new { townshipCode = "500240105", track = "municipal", startYear = 2023 });

            foreach (var response in new[] { query, command })
            {
                Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
                Assert.Equal(TimeSpan.FromSeconds(5), response.Headers.RetryAfter?.Delta);
                Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
                Assert.Equal(503, (await response.ReadJsonAsync())["status"]!.GetValue<int>());
            }
        }
        finally
        {
            Host.DatabaseProxy.Restore();
        }
        await Host.WaitUntilReadyAsync(TimeSpan.FromSeconds(30));
        using var again = await client.GetAsync("/api/workflows");
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
    }

    private static async Task<(HttpStatusCode Status, JsonNode Body)> ReadyAsync(HttpClient client)
    {
        using var response = await client.GetAsync("/health/ready");
        return (response.StatusCode, JsonNode.Parse(await response.Content.ReadAsStringAsync())!);
    }
}
