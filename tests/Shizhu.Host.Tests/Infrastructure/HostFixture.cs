using System.Net.Http.Json;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Shizhu.Host.Tests.Infrastructure;

/// <summary>
/// A real Host of the test class's own (a class fixture): Kestrel on a loopback port, its own PostgreSQL database
/// (a copy of one migrated and seeded per run, <see cref="HostTemplate"/>), its own RabbitMQ virtual host, Hangfire on
/// its database, its own simulated clock starting at the plan's first working day, and e-mail sent to an SMTP listener
/// of its own. Test classes run in parallel and none sees another's data, clock or templates; the tests of one class
/// stay apart by using a township of their own (<see cref="NextTownshipCode"/>).
/// </summary>
public class HostFixture : IAsyncLifetime
{
    public const string AdminUser = TestUsers.AdminUser;
    public const string AdminPassword = TestUsers.AdminPassword;
    public const string UserPassword = TestUsers.UserPassword;

    private int _nextTownship = -1;

    public TestRabbitMq RabbitMq { get; } = new();
    public LocalSmtpServer Smtp { get; private set; } = null!;
    public WebApplicationFactory<Program> Factory { get; private set; } = null!;
    public Uri BaseAddress { get; private set; } = null!;
    public IServiceProvider Services => Factory.Services;
    /// <summary>This Host's own database (a copy of the template).</summary>
    public string ConnectionString { get; private set; } = "";
    /// <summary>The evidence folder of this Host, removed afterwards.</summary>
    public string EvidenceRoot { get; } = Path.Combine(Path.GetTempPath(), $"shizhu-evidence-{Guid.NewGuid():N}");

    public async Task InitializeAsync()
    {
        var template = await HostTemplate.Shared;
        // A Host's pool of 20 is plenty for one class's requests; several Hosts and the engine suite share the server.
        var copy = template.CopyAsync(maxPoolSize: 20);
        await Task.WhenAll(copy, RabbitMq.StartAsync());
        ConnectionString = await copy;
        Smtp = await LocalSmtpServer.StartAsync();
        var settings = new Dictionary<string, string?>(HostTemplate.Settings(ConnectionString))
        {
            ["Bus:Transport"] = "RabbitMq",
            ["Bus:RabbitMqUri"] = RabbitMq.Uri,
            ["Bus:OutboxPollInterval"] = "00:00:00.500",
            ["Scheduler:RunServer"] = "true",
            ["Evidence:RootPath"] = EvidenceRoot,
            ["Notifications:Email:Enabled"] = "true",
            ["Notifications:Email:SmtpHost"] = "127.0.0.1",
            // Retries and resends go out within a second instead of the default 15 s.
            ["Notifications:Delivery:SweepInterval"] = "00:00:01",
            ["Notifications:Email:SmtpPort"] = Smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        foreach (var (key, value) in await StartOwnServicesAsync()) settings[key] = value;
        (Factory, BaseAddress) = await InProcessHost.StartAsync(settings);
    }

    /// <summary>
    /// A test class's fixture may start servers of its own (e.g. providers' listeners) before the Host and answer the
    /// settings that point the Host at them; they override the ones above.
    /// </summary>
    protected virtual Task<IReadOnlyDictionary<string, string?>> StartOwnServicesAsync() =>
        Task.FromResult<IReadOnlyDictionary<string, string?>>(new Dictionary<string, string?>());

    /// <summary>Stops what <see cref="StartOwnServicesAsync"/> started, after the Host.</summary>
    protected virtual ValueTask StopOwnServicesAsync() => ValueTask.CompletedTask;

    public string NextTownshipCode() => TownshipCodes.ForTests[Interlocked.Increment(ref _nextTownship) % TownshipCodes.ForTests.Count];

    public HttpClient CreateClient() => new() { BaseAddress = BaseAddress };

    public Task<HttpClient> LoginAsync(string userName, string password) => ApiClients.SignInAsync(BaseAddress, userName, password);

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
        if (Factory is not null) await Factory.DisposeAsync();
        await StopOwnServicesAsync();
        if (Smtp is not null) await Smtp.DisposeAsync();
        await RabbitMq.DisposeAsync();
        if (ConnectionString.Length > 0) await (await HostTemplate.Shared).DropCopyAsync(ConnectionString);
        if (Directory.Exists(EvidenceRoot)) Directory.Delete(EvidenceRoot, recursive: true);
    }
}
