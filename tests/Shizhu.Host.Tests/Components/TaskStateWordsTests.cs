using Shizhu.Host.Components.Pages.Dashboard;
using Shizhu.Host.Components.Shared;
using Shizhu.Workflows.Cockpit;
using Shizhu.Workflows.Runtime.Model;

namespace Shizhu.Host.Tests.Components;

/// <summary>A task's state reads the same everywhere (issue 12: a fresh task showed 办理中 in the cockpit and 待办理 in the inbox).</summary>
[Trait("Category", "Unit")]
public sealed class TaskStateWordsTests
{
    private static readonly DateTimeOffset Due = new(2026, 6, 30, 15, 59, 59, TimeSpan.Zero);

    private static DashboardTask Task(string status, string level, DateTimeOffset? completedAt = null) =>
        new(Guid.NewGuid(), Guid.NewGuid(), "500240101", "南宾街道", "publicity", "宣传发动", "组建创建工作领导小组", status, level,
            Due.AddDays(-30), Due, completedAt);

    [Theory]
    [InlineData("open", "normal", "待办理")]
    [InlineData("open", "dueSoon", "临期")]
    [InlineData("open", "overdue", "已逾期")]
    public void AnOpenTaskInTheCockpitReadsAsTheInboxSaysItAndItsWarningAsTheMatrixSaysIt(string status, string level, string expected)
    {
        Assert.Equal(expected, CockpitTaskList.State(Task(status, level)));
        Assert.Equal(UiText.Status(UserTaskStatus.Open), CockpitTaskList.State(Task("open", "normal")));
    }

    [Fact]
    public void ADoneTaskReadsAsDoneOrDoneLate()
    {
        Assert.Equal("已办结", CockpitTaskList.State(Task("completed", "normal", Due.AddDays(-1))));
        Assert.Equal("逾期办结", CockpitTaskList.State(Task("completed", "overdue", Due.AddDays(1))));
    }
}
