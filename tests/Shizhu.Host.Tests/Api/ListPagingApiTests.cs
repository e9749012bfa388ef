using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Shizhu.Host.Tests.Infrastructure;

namespace Shizhu.Host.Tests.Api;

/// <summary>
/// The list parameters over HTTP on the real Host (ADR 0035): pages follow nextCursor, bad parameters answer 400
/// naming each one, filters never reach past a township user's own township, the badges' capped counts, and 已读 for
/// one workflow's group of notifications.
/// </summary>
[Trait("Category", "Postgres")]
[Trait("Category", "Broker")]
public sealed class ListPagingApiTests(HostFixture fixture) : IClassFixture<HostFixture>
{
    [Theory]
    [InlineData("/api/inbox?limit=0", "limit")]
    [InlineData("/api/inbox?limit=201", "limit")]
    [InlineData("/api/inbox?limit=ten", "limit")]
    [InlineData("/api/inbox?sort=title", "sort")]
    [InlineData("/api/inbox?overdue=maybe", "overdue")]
    [InlineData("/api/inbox?dueAfter=2024-13-01", "dueAfter")]
    [InlineData("/api/inbox?dueAfter=2024-06-02&dueBefore=2024-06-01", "dueBefore")]
    [InlineData("/api/inbox?cursor=not-a-cursor", "cursor")]
    [InlineData("/api/inbox/count?overdue=1", "overdue")]
    [InlineData("/api/workflows?status=9", "status")]
    [InlineData("/api/workflows?sort=due", "sort")]
    [InlineData("/api/workflows?cursor=AAAAAAAAAAAAAAAAAAAA", "cursor")]
    [InlineData("/api/alerts?kind=loud", "kind")]
    [InlineData("/api/notifications?unread=yes", "unread")]
    [InlineData("/api/notifications?workflowId=abc", "workflowId")]
    [InlineData("/api/incidents?all=2", "all")]
    public async Task ABadListParameterAnswers400NamingIt(string url, string parameter)
    {
        using var admin = await fixture.LoginAsAdminAsync();
        using var response = await admin.GetAsync(url);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.ReadJsonAsync();
        Assert.Equal("请求参数有误", problem.Str("title"));
        Assert.NotEmpty(problem["errors"]![parameter]!.AsArray());
    }

    [Fact]
    public async Task TheInboxPagesThroughNextCursorAndACursorWithOtherFiltersIsRefused()
    {
        var scenario = await Scenario.StartAsync(fixture);
        using var staff = await fixture.LoginAsync(scenario.StaffUser, HostFixture.UserPassword);
        var all = (await staff.GetJsonAsync("/api/inbox?limit=200")).Items().Select(i => i.Str("id")).ToList();

        var walked = new List<string>();
        var page = await staff.GetJsonAsync("/api/inbox?limit=1");
        string? firstCursor = page["nextCursor"]?.GetValue<string>();
        while (true)
        {
            walked.AddRange(page.Items().Select(i => i.Str("id")));
            if (page["nextCursor"]?.GetValue<string>() is not { } next) break;
            page = await staff.GetJsonAsync($"/api/inbox?limit=1&cursor={Uri.EscapeDataString(next)}");
        }

        Assert.True(all.Count >= 2);
        Assert.Equal(all, walked);
        using var replayed = await staff.GetAsync($"/api/inbox?limit=1&overdue=true&cursor={Uri.EscapeDataString(firstCursor!)}");
        Assert.Equal(HttpStatusCode.BadRequest, replayed.StatusCode);
        Assert.NotNull((await replayed.ReadJsonAsync())["errors"]!["cursor"]);
    }

    [Fact]
    public async Task ATownshipUsersFiltersNeverReachAnotherTownship()
    {
        var own = await Scenario.StartAsync(fixture);
        var other = await Scenario.StartAsync(fixture);
        using var staff = await fixture.LoginAsync(own.StaffUser, HostFixture.UserPassword);
        using var leader = await fixture.LoginAsync(own.LeaderUser, HostFixture.UserPassword);

        Assert.Empty((await staff.GetJsonAsync($"/api/inbox?townshipCode={other.TownshipCode}")).Items());
        Assert.Empty((await staff.GetJsonAsync($"/api/workflows?townshipCode={other.TownshipCode}")).Items());
        Assert.Empty((await leader.GetJsonAsync($"/api/alerts?townshipCode={other.TownshipCode}")).Items());
        Assert.Equal(0, (await staff.GetJsonAsync($"/api/inbox/count?townshipCode={other.TownshipCode}"))["count"]!.GetValue<int>());
        var mine = (await staff.GetJsonAsync($"/api/workflows?townshipCode={own.TownshipCode}&status=running")).Items().ToList();
        Assert.Contains(mine, w => w.Str("id") == own.WorkflowId);
        Assert.All(mine, w => Assert.Equal(own.TownshipCode, w.Str("townshipCode")));
    }

    [Fact]
    public async Task TheInboxBadgeCountsWhatTheInboxHolds()
    {
        var scenario = await Scenario.StartAsync(fixture);
        using var staff = await fixture.LoginAsync(scenario.StaffUser, HostFixture.UserPassword);

        var inbox = (await staff.GetJsonAsync("/api/inbox?limit=200")).Items().Count();
        var count = await staff.GetJsonAsync("/api/inbox/count");

        Assert.Equal((inbox, false, 999), (count["count"]!.GetValue<int>(), count["more"]!.GetValue<bool>(), count["cap"]!.GetValue<int>()));
    }

    [Fact]
    public async Task MarkingAWorkflowsGroupReadClearsItsUnreadNotificationsForThatPersonOnly()
    {
        var scenario = await Scenario.StartAsync(fixture);
        using var staff = await fixture.LoginAsync(scenario.StaffUser, HostFixture.UserPassword);
        using var leader = await fixture.LoginAsync(scenario.LeaderUser, HostFixture.UserPassword);
        var groupUrl = $"/api/notifications?unread=true&workflowId={scenario.WorkflowId}";
        await Eventually.UntilAsync(() => staff.GetJsonAsync(groupUrl), p => p.Items().Any(), "the staff member's notifications of the workflow");
        var leaderUnread = await Eventually.UntilAsync(async () => (await leader.GetJsonAsync(groupUrl)).Items().Count(), n => n > 0,
            "the leader's notifications of the workflow");

        var marked = await staff.PostJsonAsync("/api/notifications/read", new { workflowId = scenario.WorkflowId });

        Assert.True(marked["marked"]!.GetValue<int>() > 0);
        Assert.Empty((await staff.GetJsonAsync(groupUrl)).Items());
        Assert.All((await staff.GetJsonAsync($"/api/notifications?workflowId={scenario.WorkflowId}")).Items(), n => Assert.True(n["read"]!.GetValue<bool>()));
        Assert.Equal(leaderUnread, (await leader.GetJsonAsync(groupUrl)).Items().Count());
        using var missing = await staff.PostAsJsonAsync("/api/notifications/read", new { });
        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        Assert.NotNull((await missing.ReadJsonAsync())["errors"]!["workflowId"]);
    }
}
