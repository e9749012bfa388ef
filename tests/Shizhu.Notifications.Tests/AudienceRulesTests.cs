using Shizhu.Notifications.Audiences;
using Shizhu.Workflows.Access;
using static Shizhu.Notifications.Tests.Support.SampleEvents;

namespace Shizhu.Notifications.Tests;

[Trait("Category", "Unit")]
public sealed class AudienceRulesTests
{
    [Fact]
    public void AnOverdueTaskOfTheTownshipLeaderWarnsThemOnce()
    {
        var message = AudienceRules.For(TaskOverdue(Roles.TownshipLeader));

        Assert.Equal([new Audience(Roles.TownshipLeader, Zhongyi), new Audience(Roles.CountyLeader, null)], message.Audiences);
    }

    [Fact]
    public void AnOverdueTaskOfTheCountyOfficeAlsoWarnsTheCountyOfficeCountyWide()
    {
        var message = AudienceRules.For(TaskOverdue(Roles.CountyAdmin));

        Assert.Contains(new Audience(Roles.CountyAdmin, null), message.Audiences);
        Assert.Equal(3, message.Audiences.Count);
    }

    [Fact]
    public void DueTimesAreShownOnTheChinaClockEvenWhenTheUtcDateDiffers()
    {
        var due = new DateTimeOffset(2026, 5, 31, 16, 30, 0, TimeSpan.Zero);

        var message = AudienceRules.For(TaskOverdue() with { DueAt = due });

        Assert.Contains("2026年6月1日 00:30（北京时间）", message.Body);
    }

    [Fact]
    public void ATaskWithoutADueTimeSaysSo()
    {
        var message = AudienceRules.For(TaskCreated() with { DueAt = null });

        Assert.Contains("该任务未设截止时间", message.Body);
    }

    [Theory]
    [InlineData("national", "国家卫生乡镇")]
    [InlineData("municipal", "重庆市卫生乡镇")]
    public void TracksAreNamedAsTheCountyPlanNamesThem(string track, string name)
    {
        var message = AudienceRules.For(WorkflowStarted() with { Track = track });

        Assert.Contains($"中益乡2024—2026年{name}创建工作已启动", message.Body);
    }

    [Fact]
    public void ACompletedTaskNamesWhoCompletedItAndTheOutcome()
    {
        var message = AudienceRules.For(TaskCompleted());

        Assert.Equal("中益乡的任务“提交整改报告”已由zhongyi.staff办结。办理结果：通过。", message.Body);
    }

    [Fact]
    public void ACompletedTaskNamesThePersonByDisplayNameAndTheOutcomeInChinese()
    {
        var message = AudienceRules.For(TaskCompleted() with { Outcome = "passed", CompletedByName = "谭晓梅" });

        Assert.Equal("中益乡的任务“提交整改报告”已由谭晓梅办结。办理结果：通过。", message.Body);
        Assert.Equal(new MessageFacts("中益乡", "提交整改报告", "谭晓梅", "通过"), message.Facts);
    }

    [Theory]
    [InlineData("findings", "发现问题")]
    [InlineData("approved", "同意")]
    [InlineData("returned", "退回")]
    [InlineData("failed", "未通过")]
    [InlineData("自定义结果", "自定义结果")]
    public void OutcomeKeysAreShownByTheirChineseNames(string outcome, string shown)
    {
        var message = AudienceRules.For(TaskCompleted() with { Outcome = outcome });

        Assert.EndsWith($"办理结果：{shown}。", message.Body);
    }
}
