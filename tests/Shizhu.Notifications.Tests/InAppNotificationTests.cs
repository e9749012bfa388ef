using Microsoft.EntityFrameworkCore;
using Shizhu.Notifications.Audiences;
using Shizhu.Notifications.Tests.Support;
using Shizhu.Workflows.Access;
using static Shizhu.Notifications.Tests.Support.SampleEvents;

namespace Shizhu.Notifications.Tests;

[Trait("Category", "Unit")]
public sealed class InAppNotificationTests
{
    [Fact]
    public Task WorkflowStartedNotifiesTheLeaderAndStaffOfItsTownship()
    {
        var e = WorkflowStarted();
        return AssertNotifiedAsync(e, e.EventId, "创建工作已启动：中益乡",
            new Audience(Roles.TownshipLeader, Zhongyi), new Audience(Roles.TownshipStaff, Zhongyi));
    }

    [Fact]
    public Task StageEnteredNotifiesTheLeaderOfItsTownship()
    {
        var e = StageEntered();
        return AssertNotifiedAsync(e, e.EventId, "进入新阶段：县级调研", new Audience(Roles.TownshipLeader, Zhongyi));
    }

    [Fact]
    public Task TaskCreatedForTownshipStaffNotifiesTheStaffOfThatTownship()
    {
        var e = TaskCreated(Roles.TownshipStaff);
        return AssertNotifiedAsync(e, e.EventId, "新任务：提交整改报告", new Audience(Roles.TownshipStaff, Zhongyi));
    }

    [Fact]
    public Task TaskCreatedForTheCountyOfficeNotifiesTheCountyOfficeCountyWide()
    {
        var e = TaskCreated(Roles.CountyAdmin);
        return AssertNotifiedAsync(e, e.EventId, "新任务：提交整改报告", new Audience(Roles.CountyAdmin, null));
    }

    [Fact]
    public Task TaskCompletedNotifiesTheCountyOffice()
    {
        var e = TaskCompleted();
        return AssertNotifiedAsync(e, e.EventId, "任务已办结：提交整改报告", new Audience(Roles.CountyAdmin, null));
    }

    [Fact]
    public async Task TaskOverdueWarnsTheTownshipLeaderTheCountyLeaderAndTheTasksRoleWithTheDueTimeInChinaTime()
    {
        var e = TaskOverdue(Roles.TownshipStaff);
        await AssertNotifiedAsync(e, e.EventId, "任务逾期：提交整改报告",
            new Audience(Roles.TownshipLeader, Zhongyi), new Audience(Roles.CountyLeader, null), new Audience(Roles.TownshipStaff, Zhongyi));

        var body = AudienceRules.For(e).Body;
        Assert.Contains("中益乡", body);
        Assert.Contains("2026年5月31日 23:59（北京时间）", body);
    }

    [Fact]
    public Task WorkflowCompletedNotifiesTheTownshipLeaderAndTheCountyLeader()
    {
        var e = WorkflowCompleted();
        return AssertNotifiedAsync(e, e.EventId, "创建流程已完成：中益乡",
            new Audience(Roles.TownshipLeader, Zhongyi), new Audience(Roles.CountyLeader, null));
    }

    [Fact]
    public async Task StaffAndLeadersOfAnotherTownshipSeeNoneOfATownshipsNotifications()
    {
        await using var host = await NotificationsTestHost.StartAsync();
        await host.PublishAndWaitAsync(WorkflowStarted());
        await host.PublishAndWaitAsync(StageEntered());
        await host.PublishAndWaitAsync(TaskCreated());
        await host.PublishAndWaitAsync(TaskCompleted());
        await host.PublishAndWaitAsync(TaskOverdue());
        await host.PublishAndWaitAsync(WorkflowCompleted());

        foreach (var outsider in new[] { People.QiaotouStaff, People.QiaotouLeader })
        {
            Assert.Empty(await host.InScopeAsync<NotificationQueries, IReadOnlyList<NotificationView>>(q => q.ListAsync(outsider, CancellationToken.None)));
            Assert.Equal(0, await host.InScopeAsync<NotificationQueries, int>(q => q.UnreadCountAsync(outsider, CancellationToken.None)));
        }

        // The same six events, seen from inside the township: staff hear of the start, their task and its overdue warning.
        var staffList = await host.InScopeAsync<NotificationQueries, IReadOnlyList<NotificationView>>(q => q.ListAsync(People.ZhongyiStaff, CancellationToken.None));
        Assert.Equal(3, staffList.Count);
    }

    /// <summary>
    /// Publishes one event and checks the rows written (one per audience, with the title), that a holder of
    /// each audience sees it in their list, and that staff of another township do not.
    /// </summary>
    static async Task AssertNotifiedAsync<T>(T message, Guid eventId, string title, params Audience[] expected) where T : class
    {
        await using var host = await NotificationsTestHost.StartAsync();
        await host.PublishAndWaitAsync(message);

        var rows = await host.QueryDbAsync(db => db.Notifications.Where(n => n.EventId == eventId).ToListAsync());
        Assert.Equal(
            expected.Select(a => $"{a.Role}@{a.TownshipCode}").Order(),
            rows.Select(n => $"{n.AudienceRole}@{n.AudienceTownshipCode}").Order());
        Assert.All(rows, n => Assert.Equal(title, n.Title));
        Assert.All(rows, n => Assert.Equal(WorkflowId, n.WorkflowId));

        foreach (var audience in expected)
        {
            var reader = People.Holding(audience.Role, audience.TownshipCode);
            var seen = await host.InScopeAsync<NotificationQueries, IReadOnlyList<NotificationView>>(q => q.ListAsync(reader, CancellationToken.None));
            var line = Assert.Single(seen);
            Assert.Equal(title, line.Title);
            Assert.False(line.Read);
        }

        Assert.Empty(await host.InScopeAsync<NotificationQueries, IReadOnlyList<NotificationView>>(q => q.ListAsync(People.QiaotouStaff, CancellationToken.None)));
    }
}
