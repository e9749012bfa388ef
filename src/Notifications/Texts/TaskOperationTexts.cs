using Shizhu.Notifications.Audiences;
using Shizhu.Notifications.Sending;
using Shizhu.Workflows.Access;
using Shizhu.Workflows.Events;
using static Shizhu.Notifications.Audiences.ChineseText;

namespace Shizhu.Notifications.Texts;

/// <summary>
/// What people read when a task operation (转办, 委派, 退回, 撤回, 抄送; ADR 0031) puts a task in someone's hands: plain
/// Chinese naming the people by display name. Audiences are addressed by role and scope (the channels know no single
/// person), so the text names who has the task now: the holders of the task's role in its township or department, and
/// the township's leader, who answers for the work.
/// </summary>
public static class TaskOperationTexts
{
    public static AudienceMessage For(TaskHandedOver e)
    {
        var actor = Person(e.ActorName, e.Actor);
        var to = e.To is null ? "" : Person(e.ToName, e.To);
        var reason = string.IsNullOrWhiteSpace(e.Reason) ? "" : $"（{ReasonLabel(e.Operation)}：{e.Reason}）";
        var (title, body) = e.Operation switch
        {
            TaskOperationNames.Transferred => ($"任务转办：{e.Title}", $"{e.TownshipName}的任务“{e.Title}”已由{actor}转办给{to}办理{reason}。"),
            TaskOperationNames.Delegated => ($"任务委派：{e.Title}", $"{actor}将{e.TownshipName}的任务“{e.Title}”委派给{to}办理{reason}，办理后请退回委托人确认。"),
            TaskOperationNames.DelegationResolved => ($"委派已办理：{e.Title}", $"{actor}已办理委派的任务“{e.Title}”（{e.TownshipName}），请委托人确认办结{reason}。"),
            TaskOperationNames.SentBack => ($"任务被退回：{e.Title}", $"{e.TownshipName}的任务“{e.Title}”已由{actor}退回，请重新办理{reason}。"),
            TaskOperationNames.Withdrawn => ($"任务已撤回：{e.Title}", $"{actor}撤回了{e.TownshipName}任务“{e.Title}”的办结，将重新办理{reason}。"),
            TaskOperationNames.Copied => ($"抄送：{e.Title}", $"{actor}将{e.TownshipName}的任务“{e.Title}”抄送给{to}，供知悉{reason}。请在“抄送我的”中查看。"),
            _ => ($"任务变更：{e.Title}", $"{e.TownshipName}的任务“{e.Title}”已由{actor}处理。"),
        };
        return new AudienceMessage(e.EventId, e.OccurredAt, e.WorkflowId, title, body, Audiences(e),
            e.Operation == TaskOperationNames.Copied ? MessageKind.Progress : MessageKind.TaskAssigned,
            new MessageFacts(e.TownshipName, e.Title, e.To is null ? null : to), e.TaskId);
    }

    private static string ReasonLabel(string operation) => operation switch
    {
        TaskOperationNames.Delegated or TaskOperationNames.DelegationResolved or TaskOperationNames.Copied => "说明",
        _ => "原因",
    };

    private static IReadOnlyList<Audience> Audiences(TaskHandedOver e)
    {
        Audience holders = e.Role switch
        {
            Roles.TownshipLeader or Roles.TownshipStaff => new(e.Role, e.TownshipCode),
            Roles.CountyDepartment => new(e.Role, null, e.DepartmentCode),
            _ => new(e.Role, null),
        };
        return [.. new[] { holders, new Audience(Roles.TownshipLeader, e.TownshipCode) }.Distinct()];
    }
}
