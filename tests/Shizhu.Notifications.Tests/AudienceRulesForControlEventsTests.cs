using Shizhu.Notifications.Audiences;
using Shizhu.Workflows.Access;
using Shizhu.Workflows.Events;
using static Shizhu.Notifications.Tests.Support.SampleEvents;

namespace Shizhu.Notifications.Tests;

[Trait("Category", "Unit")]
public sealed class AudienceRulesForControlEventsTests
{
    private static readonly DateTimeOffset At = new(2026, 5, 2, 1, 0, 0, TimeSpan.Zero);

    [Fact]
    public void AnEscalationReachesTheTownshipLeaderAndTheCountyLeader()
    {
        var message = AudienceRules.For(new TaskAlertRaised(Guid.NewGuid(), At, Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Zhongyi, "中益乡",
            "county-survey", "完成县级调研问题整改", Roles.TownshipStaff, AlertKind.Escalation));

        Assert.Equal([new Audience(Roles.TownshipLeader, Zhongyi), new Audience(Roles.CountyLeader, null)], message.Audiences);
        Assert.StartsWith("升级督办", message.Title, StringComparison.Ordinal);
    }

    [Fact]
    public void AReminderReachesTheTasksRoleInItsTownshipAndTheLeader()
    {
        var message = AudienceRules.For(new TaskAlertRaised(Guid.NewGuid(), At, Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Zhongyi, "中益乡",
            "county-survey", "完成县级调研问题整改", Roles.TownshipStaff, AlertKind.Reminder));

        Assert.Equal([new Audience(Roles.TownshipStaff, Zhongyi), new Audience(Roles.TownshipLeader, Zhongyi)], message.Audiences);
        Assert.StartsWith("催办提醒", message.Title, StringComparison.Ordinal);
    }

    [Fact]
    public void ASuspensionTellsTheTownshipAndTheCountyLeaderWithTheReason()
    {
        var message = AudienceRules.For(new WorkflowSuspended(Guid.NewGuid(), At, Guid.NewGuid(), Zhongyi, "中益乡", "national", "admin", "材料核查"));

        Assert.Equal(
            [new Audience(Roles.TownshipLeader, Zhongyi), new Audience(Roles.TownshipStaff, Zhongyi), new Audience(Roles.CountyLeader, null)],
            message.Audiences);
        Assert.Contains("原因：材料核查", message.Body, StringComparison.Ordinal);
    }

    [Fact]
    public void AnIncidentIsForTheCountyOfficeOnly()
    {
        var message = AudienceRules.For(new IncidentRaised(Guid.NewGuid(), At, Guid.NewGuid(), Zhongyi, "中益乡", "subsidy-1", "模板参数 subsidyTotal 未定义。"));

        Assert.Equal([new Audience(Roles.CountyAdmin, null)], message.Audiences);
    }
}
