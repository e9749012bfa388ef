using System.Text.Json.Nodes;
using Shizhu.Host.Components.Pages.Workflows;
using Shizhu.Workflows.Journal;
using Shizhu.Workflows.Runtime.Queries;

namespace Shizhu.Host.Tests.Components;

/// <summary>办理记录 reads as one sentence a row: display names, task titles and outcome names, never keys, ids or hashes.</summary>
[Trait("Category", "Unit")]
public sealed class JournalSentenceTests
{
    private static readonly Guid Task = Guid.Parse("0194a5c2-0000-7000-8000-000000000001");
    private static readonly DateTimeOffset At = new(2026, 3, 2, 1, 0, 0, TimeSpan.Zero);
    private static readonly JournalContext Context = new(
        new Dictionary<string, string> { ["shijia-staff"] = "石家乡工作人员 张三", ["admin"] = "县爱卫办 李明" },
        new Dictionary<Guid, string> { [Task] = "召开创建动员大会" });

    private static JournalView Row(JournalKind kind, string actor, string detail, string? before = null, string? after = null, int minutes = 0) =>
        new(At.AddMinutes(minutes), actor, kind, detail,
            before is null ? null : JsonNode.Parse(before)!.AsObject(), after is null ? null : JsonNode.Parse(after)!.AsObject());

    private static string Evidence(string file) => $$$"""{"evidence": {"id": "{{{Guid.NewGuid()}}}", "taskId": "{{{Task}}}", "fileName": "{{{file}}}", "sha256": "{{{new string('a', 64)}}}"}}""";

    [Fact]
    public void ACompletionNamesThePersonTheTaskTheOutcomeTheEvidenceOnFileAndTheComment()
    {
        var rows = new[]
        {
            Row(JournalKind.EvidenceUploaded, "shijia-staff", "上传佐证材料：签到表.pdf", after: Evidence("签到表.pdf"), minutes: 1),
            Row(JournalKind.EvidenceUploaded, "shijia-staff", "上传佐证材料：照片.png", after: Evidence("照片.png"), minutes: 2),
            Row(JournalKind.EvidenceUploaded, "shijia-staff", "上传佐证材料：错稿.pdf", after: Evidence("错稿.pdf"), minutes: 3),
            Row(JournalKind.EvidenceRemoved, "shijia-staff", "删除佐证材料：错稿.pdf", before: Evidence("错稿.pdf"), minutes: 4),
            Row(JournalKind.TaskCompleted, "shijia-staff", "办结任务：召开创建动员大会（结果：通过）；意见：参会 45 人",
                $$$"""{"task": {"id": "{{{Task}}}", "key": "mobilisation", "status": "open"}}""",
                $$$"""{"task": {"id": "{{{Task}}}", "key": "mobilisation", "status": "completed", "outcome": "passed"}}""", minutes: 5),
        };

        var sentences = JournalSentence.For(rows, Context);

        Assert.Equal("石家乡工作人员 张三 办结了‘召开创建动员大会’，结果：通过，附 2 份佐证材料；意见：参会 45 人", sentences[rows[4]]);
        Assert.Equal("石家乡工作人员 张三 删除了‘召开创建动员大会’的佐证材料《错稿.pdf》", sentences[rows[3]]);
    }

    [Fact]
    public void AnUploadNamesTheFileButNeverItsHash()
    {
        var row = Row(JournalKind.EvidenceUploaded, "shijia-staff", $"上传佐证材料：签到表.pdf（任务：召开创建动员大会；SHA-256：{new string('a', 64)}）",
            after: Evidence("签到表.pdf"));

        var sentence = JournalSentence.Of(row, Context);

        Assert.Equal("石家乡工作人员 张三 为‘召开创建动员大会’上传了佐证材料《签到表.pdf》", sentence);
        Assert.DoesNotContain("SHA", sentence);
    }

    [Fact]
    public void SuspendingAndResumingGiveTheReason()
    {
        var suspended = Row(JournalKind.WorkflowSuspended, "admin", "暂停创建工作流；原因：汛期", after: """{"workflow": {"status": "suspended", "reason": "汛期"}}""");
        var resumed = Row(JournalKind.WorkflowResumed, "admin", "恢复创建工作流", after: """{"workflow": {"status": "running", "reason": null}}""");

        Assert.Equal("县爱卫办 李明 暂停了创建工作流，原因：汛期", JournalSentence.Of(suspended, Context));
        Assert.Equal("县爱卫办 李明 恢复了创建工作流", JournalSentence.Of(resumed, Context));
    }

    [Fact]
    public void TheEnginesOwnRowsHaveNoPersonAndAStageIsNamed()
    {
        var created = Row(JournalKind.TaskCreated, "system", "生成任务：召开创建动员大会", after: $$$"""{"task": {"id": "{{{Task}}}", "key": "mobilisation", "status": "open"}}""");
        var stage = Row(JournalKind.StageEntered, "system", "进入阶段：宣传发动");

        Assert.Equal("生成任务‘召开创建动员大会’", JournalSentence.Of(created, Context));
        Assert.Equal("进入“宣传发动”阶段", JournalSentence.Of(stage, Context));
    }

    [Fact]
    public void AnAssignmentNamesTheAssigneeByDisplayName()
    {
        var row = Row(JournalKind.TaskAssigned, "admin", "指派任务：召开创建动员大会",
            after: $$$"""{"task": {"id": "{{{Task}}}", "assignee": "shijia-staff"}}""");

        Assert.Equal("县爱卫办 李明 将‘召开创建动员大会’指派给 石家乡工作人员 张三", JournalSentence.Of(row, Context));
    }

    [Fact]
    public void AnUnknownTaskIsNamedFromTheRowsOwnLine()
    {
        var row = Row(JournalKind.TaskClaimed, "shijia-staff", "领办任务：制定创建工作实施方案",
            after: $$$"""{"task": {"id": "{{{Guid.NewGuid()}}}", "assignee": "shijia-staff"}}""");

        Assert.Equal("石家乡工作人员 张三 领办了‘制定创建工作实施方案’", JournalSentence.Of(row, Context));
    }

    [Fact]
    public void TimersAndOutsideMessagesAreToldWithoutElementIdsOrKeys()
    {
        var elapsed = Row(JournalKind.TimerElapsed, "system", "时间已到：start");
        var waiting = Row(JournalKind.WaitingForMessage, "system", "等待外部消息：municipal-verdict");

        Assert.Equal("约定的时间已到，流程继续", JournalSentence.Of(elapsed, Context));
        Assert.Equal("等待市爱卫办（会）技术评估验收结论", JournalSentence.Of(waiting, Context));
    }
}
