using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Shizhu.Host.Tests.Infrastructure;

/// <summary>
/// One real Host for the whole test collection: Kestrel on a loopback port, PostgreSQL, RabbitMQ, Hangfire on
/// PostgreSQL, a simulated clock, and e-mail sent to a real SMTP listener. Tests share it and stay apart by
/// using a township of their own (<see cref="NextTownshipCode"/>).
/// </summary>
public sealed class HostFixture : IAsyncLifetime
{
    public const string AdminUser = "admin";
    // Not containing the user name: the password policy refuses that (ADR 0022).
    public const string AdminPassword = "County@Test2022";
    public const string UserPassword = "User@Test2022";

    private static readonly string[] TownshipsForTests =
    [
        "500240105", "500240106", "500240107", "500240108", "500240109", "500240110", "500240111", "500240112",
        "500240113", "500240117", "500240118", "500240203", "500240207", "500240209", "500240214", "500240216",
        "500240217", "500240219", "500240001", "500240002", "500240003",
    ];
    private int _nextTownship = -1;

    public TestPostgres Postgres { get; } = new();
    public TestRabbitMq RabbitMq { get; } = new();
    public LocalSmtpServer Smtp { get; private set; } = null!;
    public WebApplicationFactory<Program> Factory { get; private set; } = null!;
    public Uri BaseAddress { get; private set; } = null!;
    public IServiceProvider Services => Factory.Services;
    /// <summary>The evidence folder of this run, removed afterwards.</summary>
    public string EvidenceRoot { get; } = Path.Combine(Path.GetTempPath(), $"shizhu-evidence-{Guid.NewGuid():N}");

    public async Task InitializeAsync()
    {
        await Task.WhenAll(Postgres.StartAsync(), RabbitMq.StartAsync());
        Smtp = await LocalSmtpServer.StartAsync();
        // Environment variables override appsettings.json for values read while the Host composes itself.
        var settings = new Dictionary<string, string>
        {
            // A free loopback port for every run: tests never clash with a demo or another run on the machine.
            ["ASPNETCORE_URLS"] = "http://127.0.0.1:0",
            ["Database__Provider"] = "Postgres",
            ["Database__ConnectionString"] = Postgres.ConnectionString,
            ["Bus__Transport"] = "RabbitMq",
            ["Bus__RabbitMqUri"] = RabbitMq.Uri,
            ["Bus__OutboxPollInterval"] = "00:00:00.500",
            ["Scheduler__Storage"] = "Postgres",
            ["Evidence__RootPath"] = EvidenceRoot,
            ["Clock__Mode"] = "Simulated",
            ["Clock__Start"] = "2022-01-04T09:00:00+08:00",
            ["Clock__StateFile"] = "",
            ["Seed__AdminUser"] = AdminUser,
            ["Seed__AdminPassword"] = AdminPassword,
            ["Seed__DemoUsers"] = "true",
            ["Seed__DemoPassword"] = UserPassword,
            ["Auth__SigningKey"] = "test-signing-key-0123456789-0123456789-abcdef",
            // The suite signs in hundreds of times from one address; sign-in limits are tested on a host of their own.
            ["SignIn__PermitsPerIp"] = "100000",
            ["SignIn__PermitsPerUser"] = "100000",
            ["Notifications__Email__Enabled"] = "true",
            ["Notifications__Email__SmtpHost"] = "127.0.0.1",
            ["Notifications__Email__SmtpPort"] = Smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            // Retries and resends go out within a second instead of the default 15 s.
            ["Notifications__Delivery__SweepInterval"] = "00:00:01",
        };
        foreach (var (key, value) in settings) Environment.SetEnvironmentVariable(key, value);

        Factory = new WebApplicationFactory<Program>().WithWebHostBuilder(b => b.UseEnvironment("Development"));
        Factory.UseKestrel();
        Factory.StartServer();
        var address = Factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        BaseAddress = new Uri(address.Replace("[::]", "127.0.0.1", StringComparison.Ordinal).Replace("0.0.0.0", "127.0.0.1", StringComparison.Ordinal));
    }

    public string NextTownshipCode() => TownshipsForTests[Interlocked.Increment(ref _nextTownship) % TownshipsForTests.Length];

    public HttpClient CreateClient() => new() { BaseAddress = BaseAddress };

    public async Task<HttpClient> LoginAsync(string userName, string password)
    {
        var client = CreateClient();
        using var response = await client.PostAsJsonAsync("/api/auth/login", new { userName, password });
        response.EnsureSuccessStatusCode();
        var token = await response.Content.ReadFromJsonAsync<TokenResponse>();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token!.AccessToken);
        return client;
    }

    public Task<HttpClient> LoginAsAdminAsync() => LoginAsync(AdminUser, AdminPassword);

    /// <summary>Creates a user through the API, as the county office would.</summary>
    public async Task CreateUserAsync(string userName, string role, string? townshipCode, string? departmentCode = null)
    {
        using var admin = await LoginAsAdminAsync();
        using var response = await admin.PostAsJsonAsync("/api/users", new
        {
            userName, password = UserPassword, displayName = userName, roles = new[] { role }, townshipCode, departmentCode,
            email = $"{userName}@test.local",
        });
        response.EnsureSuccessStatusCode();
    }

    public async Task DisposeAsync()
    {
        await Factory.DisposeAsync();
        await Smtp.DisposeAsync();
        await RabbitMq.DisposeAsync();
        await Postgres.DisposeAsync();
        if (Directory.Exists(EvidenceRoot)) Directory.Delete(EvidenceRoot, recursive: true);
    }

    private sealed record TokenResponse(string AccessToken, string TokenType, int ExpiresIn);
}

[CollectionDefinition(Name)]
public sealed class HostCollection : ICollectionFixture<HostFixture>
{
    public const string Name = "host";
}
