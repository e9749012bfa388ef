using System.Net;
using System.Net.Http.Json;
using Shizhu.Host.Tests.Infrastructure;

namespace Shizhu.Host.Tests.Api;

/// <summary>Supervision over HTTP (ADR 0037): 催办 and its gap, the supervision office's rights, 延期 and the deadline feed.</summary>
[Trait("Category", "Postgres")]
[Trait("Category", "Broker")]
public sealed class SupervisionApiTests(HostFixture fixture) : IClassFixture<HostFixture>
{
    private async Task<HttpClient> SupervisorAsync()
    {
        var name = "supervisor-" + Guid.NewGuid().ToString("N")[..6];
        await fixture.CreateUserAsync(name, "county-supervisor", null);
        return await fixture.LoginAsync(name, HostFixture.UserPassword);
    }

    private static async Task<string> OpenTaskIdAsync(Scenario scenario, HttpClient client) =>
        (await scenario.WorkflowAsync(client))["tasks"]!.AsArray().First(t => t!["status"]!.GetValue<string>() == "open")!["id"]!.GetValue<string>();

    [Fact]
    public async Task ASecondUrgeOfATaskWithinTheGapAnswers429WithRetryAfterAndTheNextAllowedTime()
    {
        var scenario = await Scenario.StartAsync(fixture);
        using var supervisor = await SupervisorAsync();
        var taskId = await OpenTaskIdAsync(scenario, supervisor);

        var first = await supervisor.PostJsonAsync($"/api/tasks/{taskId}/urge", new { message = "请尽快办理" });
        using var second = await supervisor.PostAsJsonAsync($"/api/tasks/{taskId}/urge", new { message = "再催一次" });

        Assert.Equal(HttpStatusCode.TooManyRequests, second.StatusCode);
        Assert.Equal("application/problem+json", second.Content.Headers.ContentType!.MediaType);
        Assert.True(second.Headers.RetryAfter?.Delta > TimeSpan.Zero, "Retry-After names the seconds to wait");
        var problem = await second.ReadJsonAsync();
        Assert.Equal(first.Str("nextAllowedAt"), problem.Str("nextAllowedAt"));
        Assert.Contains("后才能再次催办", problem.Str("detail"), StringComparison.Ordinal);
        var urges = (await supervisor.GetJsonAsync($"/api/supervision/urges?townshipCode={scenario.TownshipCode}")).Items().ToList();
        Assert.Single(urges);
        await scenario.CancelAsync(fixture);
    }

    [Fact]
    public async Task TheSupervisionOfficeReadsAndUrgesATownshipButCannotClaimOrCompleteItsTasksAndTownshipStaffCannotUrge()
    {
        var scenario = await Scenario.StartAsync(fixture);
        using var supervisor = await SupervisorAsync();
        using var staff = await fixture.LoginAsync(scenario.StaffUser, HostFixture.UserPassword);
        var taskId = await OpenTaskIdAsync(scenario, supervisor);

        using var claim = await supervisor.PostAsJsonAsync($"/api/tasks/{taskId}/claim", new { });
        using var complete = await supervisor.PostAsJsonAsync($"/api/tasks/{taskId}/complete", new { });
        using var staffUrge = await staff.PostAsJsonAsync($"/api/tasks/{taskId}/urge", new { message = "自己催自己" });
        using var township = await supervisor.PostAsJsonAsync($"/api/townships/{scenario.TownshipCode}/urge", new { message = "请加快进度" });
        using var empty = await supervisor.PostAsJsonAsync($"/api/tasks/{taskId}/urge", new { message = " " });
        using var cards = await supervisor.GetAsync("/api/supervision/cards");

        Assert.Equal((HttpStatusCode.Forbidden, HttpStatusCode.Forbidden, HttpStatusCode.Forbidden, HttpStatusCode.OK, HttpStatusCode.OK),
            (claim.StatusCode, complete.StatusCode, staffUrge.StatusCode, township.StatusCode, cards.StatusCode));
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        Assert.Equal("请填写催办内容。", (await empty.ReadJsonAsync())["errors"]!["message"]![0]!.GetValue<string>());
        await scenario.CancelAsync(fixture);
    }

    [Fact]
    public async Task TheCountyOfficeExtendsADeadlineAndBadInputNamesTheField()
    {
        var scenario = await Scenario.StartAsync(fixture);
        using var admin = await fixture.LoginAsAdminAsync();
        var taskId = await OpenTaskIdAsync(scenario, admin);
        var due = $"{scenario.Year}-12-30T17:00:00+08:00";

        using var noReason = await admin.PostAsJsonAsync($"/api/tasks/{taskId}/extend-deadline", new { dueAt = due });
        var extended = await admin.PostJsonAsync($"/api/tasks/{taskId}/extend-deadline", new { dueAt = due, reason = "省级检查推迟" });
        using var leader = await fixture.LoginAsync(scenario.LeaderUser, HostFixture.UserPassword);
        using var forbidden = await leader.PostAsJsonAsync($"/api/tasks/{taskId}/extend-deadline", new { dueAt = due, reason = "想延期" });

        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        Assert.NotNull((await noReason.ReadJsonAsync())["errors"]!["reason"]);
        Assert.Equal(DateTimeOffset.Parse(due, System.Globalization.CultureInfo.InvariantCulture),
            DateTimeOffset.Parse(extended.Str("dueAt"), System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
        var task = await admin.GetJsonAsync($"/api/tasks/{taskId}");
        Assert.Equal(DateTimeOffset.Parse(due, System.Globalization.CultureInfo.InvariantCulture),
            DateTimeOffset.Parse(task.Str("dueAt"), System.Globalization.CultureInfo.InvariantCulture));
        await scenario.CancelAsync(fixture);
    }

    [Fact]
    public async Task TheDeadlineFeedListsTheLeadersTasksAndRotatingItRetiresTheOldUrl()
    {
        var scenario = await Scenario.StartAsync(fixture);
        using var leader = await fixture.LoginAsync(scenario.LeaderUser, HostFixture.UserPassword);
        var title = (await scenario.WorkflowAsync(leader))["tasks"]!.AsArray().First(t => t!["status"]!.GetValue<string>() == "open")!["title"]!.GetValue<string>();

        var first = new Uri((await leader.PostJsonAsync("/api/me/calendar-feed", new { })).Str("url"));
        using var anonymous = fixture.CreateClient();
        using var feed = await anonymous.GetAsync(first.PathAndQuery);
        var text = await feed.Content.ReadAsStringAsync();
        var second = new Uri((await leader.PostJsonAsync("/api/me/calendar-feed", new { })).Str("url"));
        using var retired = await anonymous.GetAsync(first.PathAndQuery);
        using var current = await anonymous.GetAsync(second.PathAndQuery);

        Assert.Equal(HttpStatusCode.OK, feed.StatusCode);
        Assert.Equal("text/calendar", feed.Content.Headers.ContentType!.MediaType);
        Assert.StartsWith("BEGIN:VCALENDAR", text, StringComparison.Ordinal);
        Assert.Contains("BEGIN:VEVENT", text, StringComparison.Ordinal);
        Assert.Contains(title, text.Replace("\r\n ", "", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Equal((HttpStatusCode.NotFound, HttpStatusCode.OK), (retired.StatusCode, current.StatusCode));
        await scenario.CancelAsync(fixture);
    }
}
