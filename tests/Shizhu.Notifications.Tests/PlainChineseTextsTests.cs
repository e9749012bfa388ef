using Shizhu.Notifications.Audiences;
using Shizhu.Workflows.Events;

namespace Shizhu.Notifications.Tests;

/// <summary>Issue 12 item 5: notification texts name years and people as people say them.</summary>
[Trait("Category", "Unit")]
public sealed class PlainChineseTextsTests
{
    private static readonly DateTimeOffset At = new(2026, 3, 2, 1, 0, 0, TimeSpan.Zero);

    [Fact]
    public void AWorkflowStartingAndEndingInOneYearSaysTheYearOnce()
    {
        var started = new WorkflowStarted(Guid.NewGuid(), At, Guid.NewGuid(), "500240213", "中益乡", "municipal", 2026, 2026, "admin", "县爱卫办 李明");

        var message = AudienceRules.For(started);

        Assert.Equal("中益乡2026年重庆市卫生乡镇创建工作已启动（发起人：县爱卫办 李明），请按阶段推进各项任务。", message.Body);
    }

    [Fact]
    public void AWorkflowOverSeveralYearsShowsTheSpan()
    {
        var started = new WorkflowStarted(Guid.NewGuid(), At, Guid.NewGuid(), "500240213", "中益乡", "national", 2026, 2028, "admin", "县爱卫办 李明");

        Assert.StartsWith("中益乡2026—2028年国家卫生乡镇创建工作已启动", AudienceRules.For(started).Body);
    }

    [Fact]
    public void AMigrationNamesWhoDidItByDisplayName()
    {
        var migrated = new WorkflowMigrated(Guid.NewGuid(), At, Guid.NewGuid(), "500240213", "中益乡", "municipal", 1, 2, "admin", "县爱卫办 李明");

        var message = AudienceRules.For(migrated);

        Assert.Contains("已由县爱卫办 李明从模板第 1 版迁移到第 2 版", message.Body);
        Assert.DoesNotContain("admin", message.Body);
    }
}
