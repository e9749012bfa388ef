using Shizhu.Notifications.Tests.Support;
using Shizhu.Workflows.Access;
using static Shizhu.Notifications.Tests.Support.SampleEvents;

namespace Shizhu.Notifications.Tests;

[Trait("Category", "Unit")]
public sealed class NotificationQueriesTests
{
    [Fact]
    public async Task SomeoneHoldingTwoAddressedRolesSeesTheEventOnce()
    {
        await using var host = await NotificationsTestHost.StartAsync();
        await host.PublishAndWaitAsync(WorkflowStarted());
        var leaderAndStaff = new NotificationRecipient("zhongyi.both", new HashSet<string> { Roles.TownshipLeader, Roles.TownshipStaff }, Zhongyi);

        Assert.Single(await ListAsync(host, leaderAndStaff));
        Assert.Equal(1, await UnreadAsync(host, leaderAndStaff));
    }

    [Fact]
    public async Task MarkingANotificationReadClearsItForThatPersonOnly()
    {
        await using var host = await NotificationsTestHost.StartAsync();
        await host.PublishAndWaitAsync(TaskCreated());
        var colleague = People.Holding(Roles.TownshipStaff, Zhongyi, "zhongyi.colleague");
        var line = Assert.Single(await ListAsync(host, People.ZhongyiStaff));

        Assert.True(await host.InScopeAsync<NotificationQueries, bool>(q => q.MarkReadAsync(line.Id, People.ZhongyiStaff, CancellationToken.None)));
        // Marking twice is harmless: the second answer is the same.
        Assert.True(await host.InScopeAsync<NotificationQueries, bool>(q => q.MarkReadAsync(line.Id, People.ZhongyiStaff, CancellationToken.None)));

        Assert.True(Assert.Single(await ListAsync(host, People.ZhongyiStaff)).Read);
        Assert.Equal(0, await UnreadAsync(host, People.ZhongyiStaff));
        Assert.False(Assert.Single(await ListAsync(host, colleague)).Read);
        Assert.Equal(1, await UnreadAsync(host, colleague));
    }

    [Fact]
    public async Task ReadingAnEventThroughOneRoleReadsItThroughTheOther()
    {
        await using var host = await NotificationsTestHost.StartAsync();
        await host.PublishAndWaitAsync(WorkflowStarted());
        var staffOnly = People.Holding(Roles.TownshipStaff, Zhongyi, "zhongyi.both");
        var both = new NotificationRecipient("zhongyi.both", new HashSet<string> { Roles.TownshipLeader, Roles.TownshipStaff }, Zhongyi);

        var line = Assert.Single(await ListAsync(host, staffOnly));
        await host.InScopeAsync<NotificationQueries, bool>(q => q.MarkReadAsync(line.Id, staffOnly, CancellationToken.None));

        Assert.Equal(0, await UnreadAsync(host, both));
    }

    [Fact]
    public async Task MarkingANotificationOfAnotherTownshipReadAnswersFalse()
    {
        await using var host = await NotificationsTestHost.StartAsync();
        await host.PublishAndWaitAsync(TaskCreated());
        var line = Assert.Single(await ListAsync(host, People.ZhongyiStaff));

        Assert.False(await host.InScopeAsync<NotificationQueries, bool>(q => q.MarkReadAsync(line.Id, People.QiaotouStaff, CancellationToken.None)));
        Assert.False(await host.InScopeAsync<NotificationQueries, bool>(q => q.MarkReadAsync(Guid.NewGuid(), People.ZhongyiStaff, CancellationToken.None)));
        Assert.Equal(1, await UnreadAsync(host, People.ZhongyiStaff));
    }

    [Fact]
    public async Task TheListIsNewestFirst()
    {
        await using var host = await NotificationsTestHost.StartAsync();
        var earlier = StageEntered() with { OccurredAt = OccurredAt.AddDays(-1), StageName = "宣传发动" };
        var later = StageEntered() with { OccurredAt = OccurredAt, StageName = "申报创建" };
        await host.PublishAndWaitAsync(later);
        await host.PublishAndWaitAsync(earlier);

        var list = await ListAsync(host, People.ZhongyiLeader);

        Assert.Equal(["进入新阶段：申报创建", "进入新阶段：宣传发动"], list.Select(n => n.Title));
        Assert.Equal(later.OccurredAt, list[0].At);
    }

    [Fact]
    public async Task CountyLeadersSeeCountyWideNotificationsWithoutATownship()
    {
        await using var host = await NotificationsTestHost.StartAsync();
        await host.PublishAndWaitAsync(WorkflowCompleted());
        await host.PublishAndWaitAsync(TaskCreated());

        var line = Assert.Single(await ListAsync(host, People.CountyLeader));
        Assert.Equal("创建流程已完成：中益乡", line.Title);
        Assert.Empty(await ListAsync(host, People.CountyAdmin));
    }

    static Task<IReadOnlyList<NotificationView>> ListAsync(NotificationsTestHost host, NotificationRecipient who) =>
        host.InScopeAsync<NotificationQueries, IReadOnlyList<NotificationView>>(q => q.ListAsync(who, CancellationToken.None));

    static Task<int> UnreadAsync(NotificationsTestHost host, NotificationRecipient who) =>
        host.InScopeAsync<NotificationQueries, int>(q => q.UnreadCountAsync(who, CancellationToken.None));
}
