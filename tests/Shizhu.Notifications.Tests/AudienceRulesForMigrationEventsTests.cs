using Shizhu.Notifications.Audiences;
using Shizhu.Workflows.Access;
using Shizhu.Workflows.Events;
using static Shizhu.Notifications.Tests.Support.SampleEvents;

namespace Shizhu.Notifications.Tests;

/// <summary>Who hears of an instance migration (ADR 0028): the task's holders of a withdrawn task, the township of a migrated workflow.</summary>
[Trait("Category", "Unit")]
public sealed class AudienceRulesForMigrationEventsTests
{
    private static readonly DateTimeOffset At = new(2022, 6, 15, 1, 0, 0, TimeSpan.Zero);

    [Fact]
    public void AWithdrawnTaskTellsItsHoldersInTheTownshipThatItNeedNotBeDoneAndWhy()
    {
        var message = AudienceRules.For(new TaskCancelled(Guid.NewGuid(), At, Guid.NewGuid(), Guid.NewGuid(), Zhongyi, "中益乡",
            "publicity", "制定创建工作实施方案", Roles.TownshipStaff, "迁移计划取消了该任务所在的元素"));

        Assert.Equal([new Audience(Roles.TownshipStaff, Zhongyi)], message.Audiences);
        Assert.Equal("任务已撤销：制定创建工作实施方案", message.Title);
        Assert.Contains("无需再办理（迁移计划取消了该任务所在的元素）", message.Body, StringComparison.Ordinal);
    }

    [Fact]
    public void AMigratedWorkflowTellsTheTownshipItsVersionsAndWhoMovedIt()
    {
        var message = AudienceRules.For(new WorkflowMigrated(Guid.NewGuid(), At, Guid.NewGuid(), Zhongyi, "中益乡", "national", 1, 2, "admin"));

        Assert.Equal([new Audience(Roles.TownshipLeader, Zhongyi), new Audience(Roles.TownshipStaff, Zhongyi)], message.Audiences);
        Assert.Contains("由admin从模板第 1 版迁移到第 2 版", message.Body, StringComparison.Ordinal);
    }
}
