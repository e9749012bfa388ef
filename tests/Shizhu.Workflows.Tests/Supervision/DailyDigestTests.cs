using Shizhu.Workflows.Events;
using Shizhu.Workflows.Supervision;
using Shizhu.Workflows.Tests.Infrastructure;
using Shizhu.Workflows.Tests.Infrastructure.Databases;

namespace Shizhu.Workflows.Tests.Supervision;

/// <summary>The daily digest of 石家乡's leader on Friday 28 January 2022, three days before the publicity tasks fall due.</summary>
public abstract class DailyDigestTests(EngineDatabase database) : IAsyncLifetime
{
    // 08:30 China time is 00:30 UTC.
    private static readonly DateTimeOffset SendTime = new(2022, 1, 28, 0, 30, 0, TimeSpan.Zero);
    private EngineHarness _harness = null!;

    public async Task InitializeAsync()
    {
        _harness = await EngineHarness.CreateAsync(database);
        await _harness.StartAsync(TownshipCodes.Shijia);
    }

    public async Task DisposeAsync() => await _harness.DisposeAsync();

    private Task<int> RunAsync() =>
        _harness.InScopeAsync<DailyDigest, int>(d => d.RunAsync([TestActors.ShijiaLeader, TestActors.JinlingStaff], CancellationToken.None));

    [Fact]
    public async Task TheDigestGoesOutAtHalfPastEightChinaTimeOncePerPersonAndDayEvenWhenTwoRunsRace()
    {
        _harness.Clock.SetUtcNow(SendTime.AddMinutes(-1));
        Assert.Equal(0, await RunAsync());

        _harness.Clock.SetUtcNow(SendTime);
        var rival = -1;
        // A second replica's run commits between this run's read and its write.
        _harness.Rival.BeforeNextSave(async () => rival = await RunAsync());
        var sent = await RunAsync();
        var again = await RunAsync();

        Assert.Equal((1, 0, 0), (rival, sent, again));
        var digest = Assert.Single(await _harness.EventsAsync<DailyDigestDue>());
        Assert.Equal((TestActors.ShijiaLeader.UserName, new DateOnly(2022, 1, 28), 0, 2), (digest.UserName, digest.Day, digest.Overdue, digest.DueSoon));
        Assert.All(digest.Lines, l => Assert.Equal(("石家乡", false), (l.TownshipName, l.Overdue)));
        Assert.Single(_harness.Read(db => db.Set<DigestRun>().ToList()));

        // The next day is another digest.
        _harness.Clock.SetUtcNow(SendTime.AddDays(1));
        Assert.Equal(1, await RunAsync());
        Assert.Equal(2, (await _harness.EventsAsync<DailyDigestDue>()).Count);
    }
}

[Trait("Category", "Unit")]
public sealed class DailyDigestTestsOnSqlite() : DailyDigestTests(EngineDatabase.Sqlite);

[Trait("Category", "Postgres")]
public sealed class DailyDigestTestsOnPostgres() : DailyDigestTests(EngineDatabase.Postgres);
