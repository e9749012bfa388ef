using System.Globalization;
using System.Net;
using Shizhu.Host.Tests.Cockpit;
using Shizhu.Host.Tests.Infrastructure;
using Shizhu.Testing.Reference;

namespace Shizhu.Host.Tests.Api;

/// <summary><c>GET /api/dashboard</c> and its drill-down on the whole plan in 2024: who reads it, what it says, what it refuses.</summary>
[Trait("Category", "Postgres")]
[Trait("Category", "Broker")]
public sealed class DashboardApiTests(HostFixture fixture) : IClassFixture<HostFixture>, IAsyncLifetime
{
    public Task InitializeAsync() => CockpitPlan.StartAndMoveClockAsync(fixture, CockpitPlan.In2024);

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task EachCellsCountsAreTheTasksItsDrillDownListsAndTheCountyProgressSumsTheRows()
    {
        using var admin = await fixture.LoginAsAdminAsync();
        var dashboard = await admin.GetJsonAsync("/api/dashboard");
        var asOf = Uri.EscapeDataString(dashboard.Str("asOf"));
        var rows = dashboard["rows"]!.Items().ToList();

        Assert.Equal(12, rows.Count);
        Assert.Equal(rows.Sum(r => r["progress"]!["completedStages"]!.GetValue<int>()), dashboard["county"]!["completedStages"]!.GetValue<int>());
        // 石家乡 (municipal 2022) never did its publicity tasks: by 2024 they are red, and no later stage was entered.
        var shijiaRow = rows.Single(r => r.Str("townshipCode") == TownshipCodes.Shijia);
        var shijia = shijiaRow["cells"]!.Items().ToList();
        // Its two overdue tasks were due on 31 January 2022: far past the red card's 10 working days (Supervision:RedCardAgeWorkingDays),
        // whenever the alerts were written. Urges are recorded (ADR 0037), and nobody urged it this year: 0, not "—".
        Assert.Equal("red", shijiaRow.Str("card"));
        Assert.Equal(0, shijiaRow["urges"]!.GetValue<int>());
        Assert.Equal("overdue", shijia.Single(c => c.Str("stageKey") == "publicity").Str("state"));
        Assert.Equal("none", shijia.Single(c => c.Str("stageKey") == "routine-creation").Str("state"));
        Assert.All(shijia.Where(c => c.Str("stageKey") is not ("publicity" or "routine-creation")), c => Assert.Equal("pending", c.Str("state")));

        foreach (var row in rows)
        foreach (var cell in row["cells"]!.Items().Where(c => c.Str("state") is "overdue" or "current" or "dueSoon"))
        {
            var open = await admin.GetJsonAsync($"/api/dashboard/tasks?townshipCode={row.Str("townshipCode")}&stageKey={cell.Str("stageKey")}&state=current&asOf={asOf}");
            var overdue = await admin.GetJsonAsync($"/api/dashboard/tasks?townshipCode={row.Str("townshipCode")}&stageKey={cell.Str("stageKey")}&state=overdue&asOf={asOf}");
            Assert.Equal((cell["openTasks"]!.GetValue<int>(), cell["overdueTasks"]!.GetValue<int>()), (open.AsArray().Count, overdue.AsArray().Count));
        }

        var months = dashboard["charts"]!["months"]!.Items().Select(m => m.GetValue<string>()).ToList();
        Assert.Equal(("2022-01", "2024-05"), (months[0], months[^1]));
        var series = dashboard["charts"]!["overdueByMonth"]!.Items().Single(s => s.Str("townshipCode") == TownshipCodes.Shijia);
        var month = months[series["counts"]!.Items().Select(c => c.GetValue<int>()).ToList().FindIndex(c => c > 0)];
        var bar = await admin.GetJsonAsync($"/api/dashboard/tasks?townshipCode={TownshipCodes.Shijia}&month={month}&asOf={asOf}");
        Assert.Equal(series["counts"]![months.IndexOf(month)]!.GetValue<int>(), bar.AsArray().Count);
        Assert.All(bar.Items(), t => Assert.Equal(month,
            DateTimeOffset.Parse(t.Str("dueAt"), CultureInfo.InvariantCulture).ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM", CultureInfo.InvariantCulture)));
    }

    [Fact]
    public async Task ATownshipLeaderReadsOnlyTheirOwnTownshipAndStaffAreRefused()
    {
        using var leader = await fixture.LoginAsync("shijia-leader", HostFixture.UserPassword);
        using var staff = await fixture.LoginAsync("shijia-staff", HostFixture.UserPassword);

        var own = await leader.GetJsonAsync("/api/dashboard");
        using var refused = await staff.GetAsync("/api/dashboard");
        var otherTasks = await leader.GetJsonAsync($"/api/dashboard/tasks?townshipCode={TownshipCodes.Jinling}");

        Assert.Equal([TownshipCodes.Shijia], own["rows"]!.Items().Select(r => r.Str("townshipCode")).Distinct());
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Empty(otherTasks.AsArray());
    }

    [Fact]
    public async Task AMomentAfterNowOrAnUnknownStateIsRefusedNamingTheField()
    {
        using var admin = await fixture.LoginAsAdminAsync();

        using var future = await admin.GetAsync($"/api/dashboard?asOf={Uri.EscapeDataString("2030-01-01T00:00:00+08:00")}");
        using var state = await admin.GetAsync("/api/dashboard/tasks?state=late");
        using var month = await admin.GetAsync("/api/dashboard/tasks?month=2024-13");

        Assert.Equal(HttpStatusCode.BadRequest, future.StatusCode);
        Assert.NotEmpty((await future.ReadProblemAsync()).Reasons("asOf"));
        Assert.NotEmpty((await state.ReadProblemAsync()).Reasons("state"));
        Assert.NotEmpty((await month.ReadProblemAsync()).Reasons("month"));
    }

    [Fact]
    public async Task AnEarlierMomentShowsTheCockpitAsItStoodThen()
    {
        using var admin = await fixture.LoginAsAdminAsync();

        var early = await admin.GetJsonAsync($"/api/dashboard?asOf={Uri.EscapeDataString("2022-01-10T12:00:00+08:00")}");

        // In the first week only the 2022 entries had started (the later ones wait for 1 January of their year).
        var shijia = early["rows"]!.Items().Single(r => r.Str("townshipCode") == TownshipCodes.Shijia);
        Assert.Equal("current", shijia["cells"]!.Items().Single(c => c.Str("stageKey") == "publicity").Str("state"));
        Assert.Equal("none", shijia.Str("card"));
        Assert.Equal(["2022-01"], early["charts"]!["months"]!.Items().Select(m => m.GetValue<string>()));
    }
}
