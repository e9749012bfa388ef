using Shizhu.Notifications.Audiences;
using Shizhu.Notifications.Outbound.Sms;

namespace Shizhu.Notifications.Tests.Outbound;

[Trait("Category", "Unit")]
public sealed class SmsComposerTests
{
    static readonly SmsTemplate NewTask = new() { Code = "SMS_1", Text = "${township}有新任务“${subject}”待办理，截止${time}，请登录创建工作系统办理。" };
    static readonly DateTimeOffset Due = new(2026, 5, 31, 15, 59, 0, TimeSpan.Zero);

    [Fact]
    public void AShortMessageIsOneSegmentOfAtMostSeventyCharacters()
    {
        var (_, text) = SmsComposer.Compose(NewTask, "石柱县爱卫办", new MessageFacts("中益乡", "提交整改报告", At: Due), maxSegments: 1);

        Assert.Equal("【石柱县爱卫办】中益乡有新任务“提交整改报告”待办理，截止5月31日23:59，请登录创建工作系统办理。", text);
        Assert.True(text.Length <= SmsComposer.SingleSegment);
        Assert.Equal(1, SmsComposer.Segments(text));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void ALongTaskTitleIsShortenedToFitTheAllowedSegments(int maxSegments)
    {
        var title = string.Concat(Enumerable.Repeat("开展病媒生物防制和环境卫生综合整治", 4));

        var (parameters, text) = SmsComposer.Compose(NewTask, "石柱县爱卫办", new MessageFacts("中益乡", title, At: Due), maxSegments);

        Assert.True(SmsComposer.Segments(text) <= maxSegments, text);
        var subject = parameters.Single(p => p.Key == "subject").Value;
        Assert.EndsWith("…", subject);
        Assert.True(subject.Length <= SmsComposer.MaxVariableLength);
        Assert.StartsWith("开展病媒生物防制", subject);
    }

    [Fact]
    public void EveryVariableStaysWithinTheGatewaysLengthLimitEvenWhenSegmentsWouldAllowMore()
    {
        var (parameters, _) = SmsComposer.Compose(NewTask, "石柱县爱卫办", new MessageFacts("中益乡", new string('整', 80), At: Due), maxSegments: 10);

        Assert.All(parameters, p => Assert.True(p.Value.Length <= SmsComposer.MaxVariableLength));
    }

    [Fact]
    public void AFactTheTemplateNeedsButTheMessageLacksIsADash()
    {
        var (parameters, _) = SmsComposer.Compose(NewTask, "石柱县爱卫办", new MessageFacts("中益乡", "提交整改报告"), maxSegments: 2);

        Assert.Equal("—", parameters.Single(p => p.Key == "time").Value);
    }

    [Fact]
    public void SegmentsCountSixtySevenCharactersEachOnceSplit()
    {
        Assert.Equal(1, SmsComposer.Segments(new string('字', 70)));
        Assert.Equal(2, SmsComposer.Segments(new string('字', 71)));
        Assert.Equal(2, SmsComposer.Segments(new string('字', 134)));
        Assert.Equal(3, SmsComposer.Segments(new string('字', 135)));
    }
}
