using Shizhu.Host.Tests.Infrastructure;

namespace Shizhu.Host.Tests.Api;

/// <summary>
/// The escalation chain through the running Host (ADR 0037 addendum): the simulated clock jumps past all three steps of
/// the scenario's two opening tasks (due 31 January) at once, and each step raises one alert per task and tells exactly
/// its own audience.
/// </summary>
[Trait("Category", "Postgres")]
[Trait("Category", "Broker")]
public sealed class EscalationApiTests(HostFixture fixture) : IClassFixture<HostFixture>
{
    [Fact]
    public async Task JumpingPastAllThreeStepsRaisesOneAlertPerStepAndTaskAndEachAudienceHearsOnlyItsOwnStep()
    {
        var scenario = await Scenario.StartAsync(fixture);
        var suffix = Guid.NewGuid().ToString("N")[..6];
        await fixture.CreateUserAsync($"cl-{suffix}", "county-leader", null);
        await fixture.CreateUserAsync($"sv-{suffix}", "county-supervisor", null);
        using var admin = await fixture.LoginAsAdminAsync();
        using var leader = await fixture.LoginAsync(scenario.LeaderUser, HostFixture.UserPassword);
        using var countyLeader = await fixture.LoginAsync($"cl-{suffix}", HostFixture.UserPassword);
        using var supervisor = await fixture.LoginAsync($"sv-{suffix}", HostFixture.UserPassword);

        // Past the tenth working day after 31 January whatever the year's Spring Festival; a second sweep adds nothing.
        await admin.PostJsonAsync("/api/admin/clock", new { to = $"{scenario.Year}-03-31T09:00:00+08:00" });
        await admin.PostJsonAsync("/api/admin/clock", new { advanceDays = 1 });

        var alerts = (await supervisor.GetJsonAsync($"/api/alerts?townshipCode={scenario.TownshipCode}")).Items().ToList();
        foreach (var kind in new[] { "overdue", "escalatedToTownship", "escalatedToCounty", "escalatedToOffice" })
        {
            var ofKind = alerts.Where(a => a.Str("kind") == kind).Select(a => a.Str("taskId")).ToList();
            Assert.Equal(2, ofKind.Count);
            Assert.Equal(2, ofKind.Distinct().Count());
        }

        foreach (var (client, step) in new[] { (leader, "报乡镇主要领导"), (countyLeader, "报县领导"), (supervisor, "报县政府督查办") })
        {
            var heard = await Eventually.UntilAsync(
                async () => (await client.GetJsonAsync("/api/notifications")).Items().Where(n => n.Str("title").StartsWith("逾期升级督办", StringComparison.Ordinal)).ToList(),
                list => list.Count >= 2, $"the escalation notifications {step}");
            Assert.Equal(2, heard.Count);
            Assert.All(heard, n => Assert.Contains(step, n.Str("body"), StringComparison.Ordinal));
        }
    }
}
