using System.Text.Json.Nodes;
using Shizhu.Host.Components.Pages.Workflows;
using Shizhu.Workflows.Journal;
using Shizhu.Workflows.Runtime.Queries;

namespace Shizhu.Host.Tests.Components;

/// <summary>
/// 转办, 委派, 退回, 抄送 and 撤回 in 办理记录 say who handed which task to whom and why, with display names — not the
/// engine's line ("县爱卫办管理员：退回任务：A → B；原因：…"), as the whole-year browser walk showed them.
/// </summary>
[Trait("Category", "Unit")]
public sealed class OperationSentenceTests
{
    private static readonly Guid Confirm = Guid.Parse("0194a5c2-0000-7000-8000-000000000011");
    private static readonly Guid Apply = Guid.Parse("0194a5c2-0000-7000-8000-000000000012");
    private static readonly JournalContext Context = new(
        new Dictionary<string, string> { ["zhangsan"] = "张三", ["lisi"] = "李四", ["admin"] = "县爱卫办 李明" },
        new Dictionary<Guid, string> { [Confirm] = "县爱卫办确认创建申请", [Apply] = "向县爱卫办提出创建申请" });

    private static JournalView Row(JournalKind kind, string actor, string detail, string? after = null) =>
        new(DateTimeOffset.UnixEpoch, actor, kind, detail, null, after is null ? null : JsonNode.Parse(after)!.AsObject());

    private static string TaskAfter(Guid id, string assignee, string? note) =>
        new JsonObject { ["task"] = new JsonObject { ["id"] = id.ToString(), ["status"] = "open", ["assignee"] = assignee, ["note"] = note } }.ToJsonString();

    [Fact]
    public void ATransferNamesTheNewAssigneeByDisplayNameAndTheReason()
    {
        var row = Row(JournalKind.TaskTransferred, "zhangsan", "转办任务：向县爱卫办提出创建申请（无 → 李四）；原因：外出培训",
            TaskAfter(Apply, "lisi", "外出培训"));

        Assert.Equal("张三 将‘向县爱卫办提出创建申请’转办给 李四，原因：外出培训", JournalSentence.Of(row, Context));
    }

    [Fact]
    public void ADelegationAndItsResolutionNameTheDelegateAndTheOwner()
    {
        var delegated = Row(JournalKind.TaskDelegated, "zhangsan", "委派任务：向县爱卫办提出创建申请（委托人 张三 → 受托人 李四）；说明：请起草",
            TaskAfter(Apply, "lisi", "请起草"));
        var resolved = Row(JournalKind.DelegationResolved, "lisi", "受托人 李四 已办理委派任务：向县爱卫办提出创建申请，退回委托人确认；说明：初稿已完成",
            TaskAfter(Apply, "zhangsan", "初稿已完成"));

        Assert.Equal("张三 将‘向县爱卫办提出创建申请’委派给 李四，说明：请起草", JournalSentence.Of(delegated, Context));
        Assert.Equal("李四 办理了委派的‘向县爱卫办提出创建申请’，交回 张三 确认，说明：初稿已完成", JournalSentence.Of(resolved, Context));
    }

    [Fact]
    public void ASendBackNamesBothTasksAndTheReasonAndBelongsToTheReopenedTasksHistoryToo()
    {
        var reopened = Guid.NewGuid();
        var row = Row(JournalKind.TaskSentBack, "admin", "退回任务：县爱卫办确认创建申请 → 向县爱卫办提出创建申请；原因：未加盖印章",
            new JsonObject
            {
                ["task"] = new JsonObject { ["id"] = Confirm.ToString(), ["status"] = "cancelled" },
                ["reopened"] = new JsonObject { ["id"] = reopened.ToString(), ["status"] = "open", ["assignee"] = "zhangsan" },
            }.ToJsonString());

        Assert.Equal("县爱卫办 李明 将‘县爱卫办确认创建申请’退回至‘向县爱卫办提出创建申请’，原因：未加盖印章", JournalSentence.Of(row, Context));
        Assert.Equal([Confirm, reopened], JournalSentence.TaskIds(row));
    }

    [Fact]
    public void ACopyNamesTheTaskFromItsCopiesAndThePeopleItWentTo()
    {
        var row = Row(JournalKind.TaskCopied, "zhangsan", "抄送任务：召开创建动员大会，开展创建宣传（“八进”全覆盖）（抄送 王五、赵六）；说明：请知悉",
            new JsonObject { ["copies"] = new JsonObject { ["taskId"] = Apply.ToString(), ["users"] = new JsonArray("wangwu", "zhaoliu"), ["comment"] = "请知悉" } }.ToJsonString());

        Assert.Equal("张三 将‘向县爱卫办提出创建申请’抄送给 王五、赵六，说明：请知悉", JournalSentence.Of(row, Context));
    }

    [Fact]
    public void AWithdrawalGivesItsReason()
    {
        var row = Row(JournalKind.TaskWithdrawn, "admin", "撤回办结：县爱卫办确认创建申请（撤销后续任务“建立制度措施”）；原因：误点同意",
            new JsonObject { ["task"] = new JsonObject { ["id"] = Confirm.ToString(), ["status"] = "open" } }.ToJsonString());

        Assert.Equal("县爱卫办 李明 撤回了‘县爱卫办确认创建申请’的办结，原因：误点同意", JournalSentence.Of(row, Context));
    }
}
