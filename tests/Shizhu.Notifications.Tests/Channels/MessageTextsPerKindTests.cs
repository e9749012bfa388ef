using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;
using Shizhu.Notifications.Audiences;
using Shizhu.Notifications.Outbound.DingTalk;
using Shizhu.Notifications.Outbound.Sms;
using Shizhu.Notifications.Outbound.WeCom;
using Shizhu.Notifications.Sending;
using Shizhu.Notifications.Texts;
using Shizhu.Workflows.Access;
using Shizhu.Workflows.Events;
using static Shizhu.Notifications.Tests.Support.SampleEvents;

namespace Shizhu.Notifications.Tests.Outbound;

/// <summary>
/// Every event a person hears of, rendered for every channel: the right kind, plain Chinese with display names and
/// Chinese outcomes (never a user name or an English key), within each channel's size, with the link to the workflow.
/// </summary>
[Trait("Category", "Unit")]
public sealed partial class MessageTextsPerKindTests
{
    const string UserName = "zhongyi-staff";
    const string DisplayName = "谭晓梅";
    static readonly DateTimeOffset At = OccurredAt;

    static readonly ChannelText Texts = new(Options.Create(new TextOptions { PublicBaseUrl = "https://cjws.shizhu.example/" }));

    // The approved SMS wording per kind, as in README's example configuration.
    static readonly Dictionary<MessageKind, SmsTemplate> SmsTemplates = new()
    {
        [MessageKind.TaskAssigned] = new() { Code = "SMS_1", Text = "${township}任务“${subject}”待办理，截止${time}，请及时登录系统办理。" },
        [MessageKind.Reminder] = new() { Code = "SMS_2", Text = "${township}任务“${subject}”尚未办结，请抓紧办理。" },
        [MessageKind.Overdue] = new() { Code = "SMS_3", Text = "${township}任务“${subject}”已于${time}逾期，请尽快督办。" },
        [MessageKind.Escalation] = new() { Code = "SMS_4", Text = "${township}任务“${subject}”已升级督办，请主要负责同志过问。" },
        [MessageKind.Progress] = new() { Code = "SMS_5", Text = "${township}创建工作动态：${subject}，请登录系统查看。" },
        [MessageKind.Incident] = new() { Code = "SMS_6", Text = "${township}创建工作流在“${subject}”处异常，请处理。" },
    };

    public static TheoryData<string, object, MessageKind> Events() => new()
    {
        { "workflow started", WorkflowStarted() with { Actor = UserName, ActorName = DisplayName }, MessageKind.Progress },
        { "stage entered", StageEntered(), MessageKind.Progress },
        { "task created", TaskCreated(), MessageKind.TaskAssigned },
        { "task completed", TaskCompleted() with { CompletedBy = UserName, CompletedByName = DisplayName, Outcome = "passed" }, MessageKind.Progress },
        { "task overdue", TaskOverdue(), MessageKind.Overdue },
        { "reminder", new TaskAlertRaised(Guid.NewGuid(), At, WorkflowId, TaskId, Guid.NewGuid(), Zhongyi, ZhongyiName, "county-survey", "提交整改报告", Roles.TownshipStaff, AlertKind.Reminder), MessageKind.Reminder },
        { "escalation", new TaskAlertRaised(Guid.NewGuid(), At, WorkflowId, TaskId, Guid.NewGuid(), Zhongyi, ZhongyiName, "county-survey", "提交整改报告", Roles.TownshipStaff, AlertKind.Escalation), MessageKind.Escalation },
        { "workflow completed", WorkflowCompleted(), MessageKind.Progress },
        { "incident", new IncidentRaised(Guid.NewGuid(), At, WorkflowId, Zhongyi, ZhongyiName, "subsidy-1", "模板参数未定义。"), MessageKind.Incident },
        { "verdict delivered", new MessageDelivered(Guid.NewGuid(), At, WorkflowId, Zhongyi, ZhongyiName, "municipal-verdict", UserName, DisplayName), MessageKind.Progress },
        { "task claimed", new TaskAssigned(Guid.NewGuid(), At, WorkflowId, TaskId, Zhongyi, ZhongyiName, "提交整改报告", UserName, null, UserName, DisplayName, DisplayName), MessageKind.TaskAssigned },
        { "task released", new TaskAssigned(Guid.NewGuid(), At, WorkflowId, TaskId, Zhongyi, ZhongyiName, "提交整改报告", null, UserName, UserName, null, DisplayName), MessageKind.TaskAssigned },
        { "workflow cancelled", new WorkflowCancelled(Guid.NewGuid(), At, WorkflowId, Zhongyi, ZhongyiName, "national", UserName, "重新申报", DisplayName), MessageKind.Progress },
        { "workflow suspended", new WorkflowSuspended(Guid.NewGuid(), At, WorkflowId, Zhongyi, ZhongyiName, "national", UserName, null, DisplayName), MessageKind.Progress },
        { "workflow resumed", new WorkflowResumed(Guid.NewGuid(), At, WorkflowId, Zhongyi, ZhongyiName, "national", UserName, DisplayName), MessageKind.Progress },
    };

    static AudienceMessage Render(object e) => e switch
    {
        WorkflowStarted x => AudienceRules.For(x),
        StageEntered x => AudienceRules.For(x),
        TaskCreated x => AudienceRules.For(x),
        TaskCompleted x => AudienceRules.For(x),
        TaskOverdue x => AudienceRules.For(x),
        TaskAlertRaised x => AudienceRules.For(x),
        WorkflowCompleted x => AudienceRules.For(x),
        IncidentRaised x => AudienceRules.For(x),
        MessageDelivered x => AudienceRules.For(x),
        TaskAssigned x => AudienceRules.For(x),
        WorkflowCancelled x => AudienceRules.For(x),
        WorkflowSuspended x => AudienceRules.For(x),
        WorkflowResumed x => AudienceRules.For(x),
        _ => throw new ArgumentOutOfRangeException(nameof(e)),
    };

    /// <summary>English words people should never read: user names, outcome and message keys, tracks.</summary>
    static void AssertPlainChinese(string text)
    {
        Assert.DoesNotContain(UserName, text);
        Assert.DoesNotMatch(EnglishKey(), text.Replace("https://cjws.shizhu.example/workflows/", "").Replace("https://cjws.shizhu.example/tasks/", ""));
    }

    [GeneratedRegex(@"\b(passed|findings|approved|returned|municipal-verdict|national|municipal|county-survey)\b")]
    private static partial Regex EnglishKey();

    [Theory]
    [MemberData(nameof(Events))]
    public void EachEventCarriesItsKindAndPlainChineseFacts(string what, object e, MessageKind kind)
    {
        var message = Render(e);

        Assert.True(kind == message.Kind, what);
        Assert.NotNull(message.Facts);
        Assert.Equal(ZhongyiName, message.Facts.TownshipName);
        AssertPlainChinese(message.Title + message.Body + message.Facts);
    }

    [Theory]
    [MemberData(nameof(Events))]
    public void EachEventRendersAsWeComAndDingTalkMarkdownWithinTheirLimitsAndLinksToTheTaskOrTheWorkflow(string what, object e, MessageKind kind)
    {
        var message = Render(e);
        _ = (what, kind);

        foreach (var limit in new[] { WeComApplicationSender.ContentLimitBytes, WeComRobotSender.MarkdownLimitBytes, DingTalkRobotSender.ContentLimitBytes })
        {
            var markdown = Texts.Markdown(message, limit);
            Assert.True(ChannelText.Bytes(markdown) <= limit);
            Assert.StartsWith($"### {message.Title}\n", markdown);
            Assert.EndsWith($"[查看详情](https://cjws.shizhu.example/{message.Path})", markdown);
            AssertPlainChinese(markdown);
        }
    }

    [Theory]
    [MemberData(nameof(Events))]
    public void EachEventRendersAsPlainTextWithinTheTextLimit(string what, object e, MessageKind kind)
    {
        var message = Render(e);
        _ = (what, kind);

        var text = Texts.Plain(message, WeComRobotSender.TextLimitBytes);

        Assert.True(ChannelText.Bytes(text) <= WeComRobotSender.TextLimitBytes);
        Assert.Equal($"【{message.Title}】\n{message.Body}\n详情：https://cjws.shizhu.example/{message.Path}", text);
        AssertPlainChinese(text);
    }

    [Theory]
    [MemberData(nameof(Events))]
    public void EachEventsSmsFitsOneSegmentWithItsKindsTemplate(string what, object e, MessageKind kind)
    {
        var message = Render(e);
        _ = what;

        var (parameters, text) = SmsComposer.Compose(SmsTemplates[kind], "石柱县爱卫办", message.Facts, maxSegments: 1);

        Assert.True(text.Length <= SmsComposer.SingleSegment, text);
        Assert.Contains(ZhongyiName, text);
        Assert.DoesNotContain("${", text);
        AssertPlainChinese(text + string.Concat(parameters.Select(p => p.Value)));
    }

    [Fact]
    public void AnOverlongBodyIsCutWithAnEllipsisButKeepsTitleAndLinkWithinTheLimit()
    {
        var message = AudienceRules.For(TaskCreated() with { Title = string.Concat(Enumerable.Repeat("开展病媒生物防制和环境卫生综合整治", 200)) });

        var markdown = Texts.Markdown(message, WeComApplicationSender.ContentLimitBytes);

        Assert.True(ChannelText.Bytes(markdown) <= WeComApplicationSender.ContentLimitBytes);
        Assert.Contains("…", markdown);
        // About a task: the link opens the task page, where it is done.
        Assert.EndsWith($"[查看详情](https://cjws.shizhu.example/tasks/{TaskId})", markdown);
    }

    [Fact]
    public void MarkdownCharactersInATaskTitleAreShownAsWritten()
    {
        var message = AudienceRules.For(TaskCreated() with { Title = "整改*重点*区域#1" });

        Assert.Contains(@"整改\*重点\*区域\#1", Texts.Markdown(message, 2048));
    }

    [Fact]
    public void WithoutAPublicAddressMessagesCarryNoLink()
    {
        var texts = new ChannelText(Options.Create(new TextOptions()));

        Assert.DoesNotContain("详情", texts.Plain(AudienceRules.For(TaskCreated()), 2048));
    }
}
