using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Shizhu.Host.Tests.Infrastructure;

namespace Shizhu.Host.Tests.Security;

/// <summary>
/// A Host of its own with tight sign-in limits, on PostgreSQL (in-memory bus and scheduler: sign-in touches neither).
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
        // Environment variables, as HostFixture does (the Host reads its settings while it composes itself); this
        // collection runs alone (DisableParallelization) and puts the previous values back once the Host has read them.
        var settings = new Dictionary<string, string?>
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
        };
        settings["ASPNETCORE_URLS"] = "http://127.0.0.1:0";
        var previous = settings.Keys.ToDictionary(k => k, k => Environment.GetEnvironmentVariable(k.Replace(":", "__", StringComparison.Ordinal)));
        foreach (var (key, value) in settings) Environment.SetEnvironmentVariable(key.Replace(":", "__", StringComparison.Ordinal), value);
        try
        {
            Factory = new WebApplicationFactory<Program>().WithWebHostBuilder(b => b.UseEnvironment("Development"));
            Factory.UseKestrel();
            Factory.StartServer();
        }
        finally
        {
            foreach (var (key, value) in previous) Environment.SetEnvironmentVariable(key.Replace(":", "__", StringComparison.Ordinal), value);
        }
        var address = Factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        BaseAddress = new Uri(address.Replace("[::]", "127.0.0.1", StringComparison.Ordinal).Replace("0.0.0.0", "127.0.0.1", StringComparison.Ordinal));
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

[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class SignInHostCollection : ICollectionFixture<SignInHostFixture>
{
    public const string Name = "sign-in host";
}
