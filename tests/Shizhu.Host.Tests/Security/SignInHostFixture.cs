using Microsoft.AspNetCore.Mvc.Testing;
using Shizhu.Host.Tests.Infrastructure;

namespace Shizhu.Host.Tests.Security;

/// <summary>
/// A Host of its own (for <see cref="SignInTests"/>, in parallel with the other classes' Hosts) with tight sign-in limits, on PostgreSQL (in-memory bus and scheduler: sign-in touches neither).
/// Tests stay apart by sending their own client address in <c>X-Forwarded-For</c>, which the Host believes from
/// loopback, the default trusted proxy.
/// </summary>
public sealed class SignInHostFixture : IAsyncLifetime
{
    public const int PermitsPerIp = 12;
    public const int PermitsPerUser = 8;
    public const int MaxFailedAttempts = 3;
    public const string Password = "Shizhu#Sign1n";
    private int _nextAddress;

    public TestPostgres Postgres { get; } = new();
    public WebApplicationFactory<Program> Factory { get; private set; } = null!;
    public Uri BaseAddress { get; private set; } = null!;
    public IServiceProvider Services => Factory.Services;

    public async Task InitializeAsync()
    {
        await Postgres.StartAsync();
        (Factory, BaseAddress) = await InProcessHost.StartAsync(new Dictionary<string, string?>
        {
            ["Database:Provider"] = "Postgres",
            ["Database:ConnectionString"] = Postgres.ConnectionString,
            ["Bus:Transport"] = "InMemory",
            ["Scheduler:Storage"] = "InMemory",
            ["Clock:Mode"] = "Real",
            ["Seed:AdminUser"] = "admin",
            ["Seed:AdminPassword"] = Password,
            ["Seed:DemoUsers"] = "false",
            ["Auth:SigningKey"] = "sign-in-tests-key-5f0c9a7e41b2d3c8e6f1a0b9c7d2e4f3",
            ["SignIn:PermitsPerIp"] = PermitsPerIp.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["SignIn:PermitsPerUser"] = PermitsPerUser.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["SignIn:MaxFailedAttempts"] = MaxFailedAttempts.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["SignIn:LockoutDuration"] = "00:10:00",
            ["Notifications:Email:Enabled"] = "false",
            ["Evidence:RootPath"] = Path.Combine(Path.GetTempPath(), $"shizhu-signin-{Guid.NewGuid():N}"),
        });
    }

    /// <summary>A client address of the test's own (documentation range 198.51.100.0/24 and onwards).</summary>
    public string NextClientAddress()
    {
        var n = Interlocked.Increment(ref _nextAddress);
        return $"198.51.{100 + n / 250}.{n % 250 + 1}";
    }

    public HttpClient CreateClient(string clientAddress)
    {
        var client = new HttpClient { BaseAddress = BaseAddress };
        client.DefaultRequestHeaders.Add("X-Forwarded-For", clientAddress);
        return client;
    }

    public async Task DisposeAsync()
    {
        await Factory.DisposeAsync();
        await Postgres.DisposeAsync();
    }
}
