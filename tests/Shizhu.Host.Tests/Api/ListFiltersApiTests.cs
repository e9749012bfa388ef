using System.Globalization;
using Shizhu.Host.Tests.Infrastructure;

namespace Shizhu.Host.Tests.Api;

/// <summary>
/// The workflow and alert lists' filters, paging and sort over HTTP on the real Host (ADR 0035), as the list pages use
/// them: a township's leader never reaches another township, the 预警 badge's count answers the same filters as the
/// list, and a notification about a task names it, so it links to the task page.
/// </summary>
[Trait("Category", "Postgres")]
[Trait("Category", "Broker")]
public sealed class ListFiltersApiTests(HostFixture fixture) : IClassFixture<HostFixture>
{
    /// <summary>Completes one of the two opening tasks, then moves simulated time past the other's due date: two alerts.</summary>
    private async Task<(Scenario Scenario, string OverdueTaskId)> OneTaskPastDueAsync()
    {
        var scenario = await Scenario.StartAsync(fixture);
        using var staff = await fixture.LoginAsync(scenario.StaffUser, HostFixture.UserPassword);
        var inbox = (await staff.GetJsonAsync("/api/inbox")).Items().Where(i => i.Str("workflowId") == scenario.WorkflowId).ToList();
        await staff.CompleteWithEvidenceAsync(inbox[0].Str("id"), new { });
        using var admin = await fixture.LoginAsAdminAsync();
        await admin.PostJsonAsync("/api/admin/clock", new { to = $"{scenario.Year}-02-01T09:00:00+08:00" });
        return (scenario, inbox[1].Str("id"));
    }

    private static async Task<List<string>> AlertIdsAsync(HttpClient client, string query) =>
        [.. (await client.GetJsonAsync($"/api/alerts?{query}")).Items().Select(a => a.Str("id"))];

    [Fact]
    public async Task AlertsFilterByKindResolutionDueWindowAndTaskTitleAndTheBadgeCountsTheSameFilter()
    {
        var (scenario, overdueTaskId) = await OneTaskPastDueAsync();
        using var leader = await fixture.LoginAsync(scenario.LeaderUser, HostFixture.UserPassword);
        var task = await leader.GetJsonAsync($"/api/tasks/{overdueTaskId}");
        var dueDay = DateOnly.FromDateTime(DateTimeOffset.Parse(task.Str("dueAt"), CultureInfo.InvariantCulture).ToOffset(TimeSpan.FromHours(8)).DateTime);
        var day = (DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var township = $"townshipCode={scenario.TownshipCode}";

        var all = await AlertIdsAsync(leader, township);
        Assert.Equal(2, all.Count);
        Assert.Single(await AlertIdsAsync(leader, $"{township}&kind=overdue"));
        Assert.Equal(all, await AlertIdsAsync(leader, $"{township}&open=true"));
        Assert.Empty(await AlertIdsAsync(leader, $"{township}&open=false"));
        Assert.Equal(all, await AlertIdsAsync(leader, $"{township}&dueAfter={day(dueDay)}&dueBefore={day(dueDay)}"));
        Assert.Empty(await AlertIdsAsync(leader, $"{township}&dueAfter={day(dueDay.AddDays(1))}"));
        Assert.Equal(all, await AlertIdsAsync(leader, $"{township}&q={Uri.EscapeDataString(task.Str("title")[2..6])}"));
        Assert.Empty(await AlertIdsAsync(leader, $"{township}&q={Uri.EscapeDataString("没有这样的任务")}"));
        Assert.Equal(all, await AlertIdsAsync(leader, $"{township}&stageKey={task.Str("stageKey")}"));

        // One alert a page: the cursor walks both, newest first, as the first page of two says.
        var first = await leader.GetJsonAsync($"/api/alerts?{township}&open=true&limit=1");
        var second = await leader.GetJsonAsync($"/api/alerts?{township}&open=true&limit=1&cursor={Uri.EscapeDataString(first.Str("nextCursor"))}");
        Assert.Equal(all, [.. first.Items().Concat(second.Items()).Select(a => a.Str("id"))]);
        Assert.Null(second["nextCursor"]);

        var count = await leader.GetJsonAsync($"/api/alerts/count?{township}&open=true");
        Assert.Equal((2, false, 999), (count["count"]!.GetValue<int>(), count["more"]!.GetValue<bool>(), count["cap"]!.GetValue<int>()));
        Assert.Equal(1, (await leader.GetJsonAsync($"/api/alerts/count?{township}&kind=overdue"))["count"]!.GetValue<int>());
    }

    [Fact]
    public async Task AnotherTownshipsLeaderSeesNoneOfItsAlertsWhateverTheFilterSays()
    {
        var (scenario, _) = await OneTaskPastDueAsync();
        var other = await Scenario.StartAsync(fixture);
        using var otherLeader = await fixture.LoginAsync(other.LeaderUser, HostFixture.UserPassword);

        Assert.Empty(await AlertIdsAsync(otherLeader, $"townshipCode={scenario.TownshipCode}&open=true"));
        Assert.Equal(0, (await otherLeader.GetJsonAsync($"/api/alerts/count?townshipCode={scenario.TownshipCode}"))["count"]!.GetValue<int>());
        Assert.All((await otherLeader.GetJsonAsync("/api/alerts?limit=200")).Items(), a => Assert.Equal(other.TownshipCode, a.Str("townshipCode")));
    }

    [Fact]
    public async Task TheWorkflowListSearchesTownshipNamesAndPagesByStartTimeNewestFirst()
    {
        var older = await Scenario.StartAsync(fixture);
        var newer = await Scenario.StartAsync(fixture);
        using var admin = await fixture.LoginAsAdminAsync();
        var name = (await older.WorkflowAsync(admin)).Str("townshipName");

        var found = (await admin.GetJsonAsync($"/api/workflows?q={Uri.EscapeDataString(name)}&status=running")).Items().ToList();
        Assert.Contains(found, w => w.Str("id") == older.WorkflowId);
        Assert.All(found, w => Assert.Contains(name, w.Str("townshipName"), StringComparison.Ordinal));

        var walked = new List<string>();
        var page = await admin.GetJsonAsync("/api/workflows?sort=started&status=running&limit=1");
        while (true)
        {
            walked.AddRange(page.Items().Select(w => w.Str("id")));
            if (page["nextCursor"]?.GetValue<string>() is not { } next) break;
            page = await admin.GetJsonAsync($"/api/workflows?sort=started&status=running&limit=1&cursor={Uri.EscapeDataString(next)}");
        }
        Assert.True(walked.IndexOf(newer.WorkflowId) < walked.IndexOf(older.WorkflowId), "the newer workflow comes first");
        Assert.Equal(walked.Count, walked.Distinct().Count());

        // A township's staff searching another township's name finds nothing.
        using var staff = await fixture.LoginAsync(newer.StaffUser, HostFixture.UserPassword);
        Assert.DoesNotContain((await staff.GetJsonAsync($"/api/workflows?q={Uri.EscapeDataString(name)}")).Items(), w => w.Str("id") == older.WorkflowId);
    }

    [Fact]
    public async Task ANotificationAboutATaskNamesTheTaskAndOneAboutTheWorkflowDoesNot()
    {
        var scenario = await Scenario.StartAsync(fixture);
        using var staff = await fixture.LoginAsync(scenario.StaffUser, HostFixture.UserPassword);
        var tasks = (await staff.GetJsonAsync("/api/inbox")).Items().Where(i => i.Str("workflowId") == scenario.WorkflowId).Select(i => i.Str("id")).ToList();

        var notifications = await Eventually.UntilAsync(
            async () => (await staff.GetJsonAsync($"/api/notifications?workflowId={scenario.WorkflowId}")).Items().ToList(),
            list => list.Count(n => n.Str("title").StartsWith("新任务：", StringComparison.Ordinal)) == tasks.Count
                && list.Any(n => n.Str("title").StartsWith("创建工作已启动", StringComparison.Ordinal)),
            "the staff member's new-task and started notifications");

        Assert.Equal(tasks.Order(), notifications.Where(n => n.Str("title").StartsWith("新任务：", StringComparison.Ordinal)).Select(n => n.Str("taskId")).Order());
        Assert.Null(notifications.Single(n => n.Str("title").StartsWith("创建工作已启动", StringComparison.Ordinal))["taskId"]);
    }
}
