namespace Shizhu.Host.Tests.Infrastructure;

/// <summary>
/// The database every <see cref="HostFixture"/> copies: made once per run by starting the Host on a fresh database
/// (it migrates the workflows, notifications and identity contexts, creates Hangfire's schema and seeds the county's
/// reference data, the administrator and the demo users) and stopping it again.
/// </summary>
public static class HostTemplate
{
    private static readonly Lazy<Task<PostgresTemplate>> Template = new(() => PostgresTemplate.CreateAsync(PrepareAsync));

    public static Task<PostgresTemplate> Shared => Template.Value;

    /// <summary>The settings every test Host shares; a fixture adds its broker, mail and evidence folder.</summary>
    public static Dictionary<string, string?> Settings(string connectionString) => new()
    {
        ["Database:Provider"] = "Postgres",
        ["Database:ConnectionString"] = connectionString,
        ["Scheduler:Storage"] = "Postgres",
        ["Clock:Mode"] = "Simulated",
        ["Clock:Start"] = "2022-01-04T09:00:00+08:00",
        ["Clock:StateFile"] = "",
        ["Seed:AdminUser"] = TestUsers.AdminUser,
        ["Seed:AdminPassword"] = TestUsers.AdminPassword,
        ["Seed:DemoUsers"] = "true",
        ["Seed:DemoPassword"] = TestUsers.UserPassword,
        ["Auth:SigningKey"] = "test-signing-key-0123456789-0123456789-abcdef",
        // A class signs in many times from one address; sign-in limits are tested on a Host of their own.
        ["SignIn:PermitsPerIp"] = "100000",
        ["SignIn:PermitsPerUser"] = "100000",
    };

    private static async Task PrepareAsync(string connectionString)
    {
        var evidence = Path.Combine(Path.GetTempPath(), $"shizhu-evidence-{Guid.NewGuid():N}");
        var (factory, _) = await InProcessHost.StartAsync(new Dictionary<string, string?>(Settings(connectionString))
        {
            // Nothing runs on the template: no broker, no Hangfire server (a copy would inherit its locks), no mail.
            ["Bus:Transport"] = "InMemory",
            ["Scheduler:RunServer"] = "false",
            ["Evidence:RootPath"] = evidence,
            ["Notifications:Email:Enabled"] = "false",
        });
        await factory.DisposeAsync();
        if (Directory.Exists(evidence)) Directory.Delete(evidence, recursive: true);
    }
}
