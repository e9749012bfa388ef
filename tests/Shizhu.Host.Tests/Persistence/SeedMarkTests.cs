using Npgsql;
using Shizhu.Host.Setup;
using Shizhu.Host.Tests.Infrastructure;
using Shizhu.Workflows.ReferenceData;

namespace Shizhu.Host.Tests.Persistence;

/// <summary>
/// Seeding at start-up is skipped when the database's seed marks say this build, with these settings, seeded it
/// (ADR 0052): a restart of the same build leaves the data as it finds it, and the first start of another build
/// (a release) adds what is missing again, as every start did before.
/// </summary>
[Trait("Category", "Postgres")]
public sealed class SeedMarkTests
{
    private const string Holiday = "DELETE FROM workflows.statutory_days WHERE date = '2023-01-23'";
    private const string CountHoliday = "SELECT count(*) FROM workflows.statutory_days WHERE date = '2023-01-23'";
    private const string CountFinanceAccount = "SELECT count(*) FROM identity.\"AspNetUsers\" WHERE user_name = 'county-finance'";

    [Fact]
    public async Task ARestartOfTheSameBuildSkipsSeedingAndTheFirstStartOfAnotherBuildAddsWhatIsMissing()
    {
        var template = await HostTemplate.Shared;
        var database = await template.CopyAsync();
        try
        {
            // The template was seeded by this build with these settings: both marks say so.
            Assert.Equal(SeedFingerprints.ReferenceData(), await ScalarAsync<string>(database, Mark(SeedMark.ReferenceData)));
            await ExecuteAsync(database, Holiday);
            await ExecuteAsync(database, "DELETE FROM identity.\"AspNetUsers\" WHERE user_name = 'county-finance'");

            await StartAndStopAsync(database);

            Assert.Equal(0, await ScalarAsync<long>(database, CountHoliday));
            Assert.Equal(0, await ScalarAsync<long>(database, CountFinanceAccount));

            // What another build would have left: other fingerprints.
            await ExecuteAsync(database, "UPDATE workflows.seed_marks SET fingerprint = 'seeded-by-an-older-build'");

            await StartAndStopAsync(database);

            Assert.Equal(1, await ScalarAsync<long>(database, CountHoliday));
            Assert.Equal(1, await ScalarAsync<long>(database, CountFinanceAccount));
            Assert.Equal(SeedFingerprints.ReferenceData(), await ScalarAsync<string>(database, Mark(SeedMark.ReferenceData)));
            Assert.NotEqual("seeded-by-an-older-build", await ScalarAsync<string>(database, Mark(SeedMark.Accounts)));
        }
        finally
        {
            await template.DropCopyAsync(database);
        }
    }

    [Fact]
    public async Task ChangingTheSeedSettingsSeedsTheAccountsAgain()
    {
        var template = await HostTemplate.Shared;
        var database = await template.CopyAsync();
        try
        {
            var seeded = await ScalarAsync<string>(database, Mark(SeedMark.Accounts));

            // The template Host seeded the demo accounts; a Host without them has other account settings.
            await StartAndStopAsync(database, demoUsers: false);

            Assert.NotEqual(seeded, await ScalarAsync<string>(database, Mark(SeedMark.Accounts)));
            Assert.Equal(SeedFingerprints.ReferenceData(), await ScalarAsync<string>(database, Mark(SeedMark.ReferenceData)));
        }
        finally
        {
            await template.DropCopyAsync(database);
        }
    }

    private static string Mark(string key) => $"SELECT fingerprint FROM workflows.seed_marks WHERE key = '{key}'";

    private static async Task StartAndStopAsync(string database, bool demoUsers = true)
    {
        var evidence = Directory.CreateTempSubdirectory("shizhu-seed-marks-").FullName;
        try
        {
            var (factory, _) = await InProcessHost.StartAsync(new Dictionary<string, string?>(HostTemplate.Settings(database))
            {
                ["Bus:Transport"] = "InMemory",
                ["Scheduler:RunServer"] = "false",
                ["Evidence:RootPath"] = evidence,
                ["Notifications:Email:Enabled"] = "false",
                ["Seed:DemoUsers"] = demoUsers ? "true" : "false",
            });
            await factory.DisposeAsync();
        }
        finally
        {
            Directory.Delete(evidence, recursive: true);
        }
    }

    private static async Task ExecuteAsync(string database, string sql)
    {
        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<T> ScalarAsync<T>(string database, string sql)
    {
        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return (T)(await command.ExecuteScalarAsync())!;
    }
}
