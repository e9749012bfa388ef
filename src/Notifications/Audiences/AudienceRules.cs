using Shizhu.Notifications.Sending;
using Shizhu.Workflows.Access;
using Shizhu.Workflows.Events;
using static Shizhu.Notifications.Audiences.ChineseText;

namespace Shizhu.Notifications.Audiences;

/// <summary>
/// The one place that decides who hears of each domain event and what they read. Every channel uses it,
/// so the app and the mail can never disagree about the audience. Each message carries its <see cref="MessageKind"/>
/// (what preferences and SMS templates are chosen by) and its <see cref="MessageFacts"/> (what short templates are filled
/// with); people are named by display name and outcomes in Chinese, never by user name or key.
/// </summary>
public static class AudienceRules
{
    public static AudienceMessage For(WorkflowStarted e) => new(
        e.EventId, e.OccurredAt, e.WorkflowId,
        $"创建工作已启动：{e.TownshipName}",
        $"{e.TownshipName}{Years(e.StartYear, e.TargetYear)}{Track(e.Track)}创建工作已启动（发起人：{Person(e.ActorName, e.Actor)}），请按阶段推进各项任务。",
        [new(Roles.TownshipLeader, e.TownshipCode), new(Roles.TownshipStaff, e.TownshipCode)],
        MessageKind.Progress, new(e.TownshipName, Track(e.Track), Person(e.ActorName, e.Actor)));

    public static AudienceMessage For(StageEntered e) => new(
        e.EventId, e.OccurredAt, e.WorkflowId,
        $"进入新阶段：{e.StageName}",
        $"{e.TownshipName}创建工作已进入“{e.StageName}”阶段，请组织做好本阶段各项工作。",
        [new(Roles.TownshipLeader, e.TownshipCode)],
        MessageKind.Progress, new(e.TownshipName, e.StageName));

    public static AudienceMessage For(TaskCreated e) => new(
        e.EventId, e.OccurredAt, e.WorkflowId,
        $"新任务：{e.Title}",
        $"{e.TownshipName}有一项新任务“{e.Title}”待办理。{DueClause(e.DueAt)}",
        [HoldersOf(e.Role, e.TownshipCode, e.DepartmentCode)],
        MessageKind.TaskAssigned, new(e.TownshipName, e.Title, At: e.DueAt), e.TaskId);

    public static AudienceMessage For(TaskCompleted e) => new(
        e.EventId, e.OccurredAt, e.WorkflowId,
        $"任务已办结：{e.Title}",
        $"{e.TownshipName}的任务“{e.Title}”已由{Person(e.CompletedByName, e.CompletedBy)}办结。{OutcomeClause(e.Outcome)}",
        [new(Roles.CountyAdmin, null)],
        MessageKind.Progress, new(e.TownshipName, e.Title, Person(e.CompletedByName, e.CompletedBy), e.Outcome is null ? null : Outcome(e.Outcome)), e.TaskId);

    public static AudienceMessage For(TaskOverdue e) => new(
        e.EventId, e.OccurredAt, e.WorkflowId,
        $"任务逾期：{e.Title}",
        $"{e.TownshipName}的任务“{e.Title}”已于{ChinaTime(e.DueAt)}到期，至今仍未办结，请尽快督办。",
        // Distinct: when the task itself belongs to the township leader, they hear of it once.
        [.. new[] { new Audience(Roles.TownshipLeader, e.TownshipCode), new(Roles.CountyLeader, null), HoldersOf(e.Role, e.TownshipCode, e.DepartmentCode) }.Distinct()],
        MessageKind.Overdue, new(e.TownshipName, e.Title, At: e.DueAt), e.TaskId);

    public static AudienceMessage For(WorkflowCompleted e) => new(
        e.EventId, e.OccurredAt, e.WorkflowId,
        $"创建流程已完成：{e.TownshipName}",
        $"{e.TownshipName}{Track(e.Track)}创建流程的全部阶段已完成。",
        [new(Roles.TownshipLeader, e.TownshipCode), new(Roles.CountyLeader, null)],
        MessageKind.Progress, new(e.TownshipName, Track(e.Track)));

    /// <summary>催办 of a task (ADR 0037): the task's role holders in scope (its assignee among them) and the township leader.</summary>
    public static AudienceMessage For(TaskUrged e) => new(
        e.EventId, e.OccurredAt, e.WorkflowId,
        $"督办催办：{e.Title}",
        $"{Person(e.ActorName, e.Actor)}催办{e.TownshipName}的任务“{e.Title}”：{e.Message}{(e.DueAt is { } due ? $" 办理期限：{ChinaTime(due)}。" : "")}",
        [.. new[] { HoldersOf(e.Role, e.TownshipCode, e.DepartmentCode), new Audience(Roles.TownshipLeader, e.TownshipCode) }.Distinct()],
        MessageKind.Urge, new(e.TownshipName, e.Title, Person(e.ActorName, e.Actor), At: e.DueAt), e.TaskId);

    /// <summary>催办 of a township's creation work as a whole: its leader and staff.</summary>
    public static AudienceMessage For(TownshipUrged e) => new(
        e.EventId, e.OccurredAt, e.WorkflowId,
        $"督办催办：{e.TownshipName}创建工作",
        $"{Person(e.ActorName, e.Actor)}催办{e.TownshipName}的创建工作：{e.Message} 目前未办结任务 {e.OpenTasks} 项，其中逾期 {e.OverdueTasks} 项。",
        [new(Roles.TownshipLeader, e.TownshipCode), new(Roles.TownshipStaff, e.TownshipCode)],
        MessageKind.Urge, new(e.TownshipName, null, Person(e.ActorName, e.Actor)));

    /// <summary>The daily digest (每日督办提醒) of one person: their overdue and soon-due tasks, to them alone.</summary>
    public static AudienceMessage For(DailyDigestDue e) => new(
        e.EventId, e.OccurredAt, null,
        $"每日督办提醒：逾期 {e.Overdue} 项，即将到期 {e.DueSoon} 项",
        $"{e.DisplayName}，您好！截至今天 8:30，您负责的任务中逾期 {e.Overdue} 项、三个工作日内到期 {e.DueSoon} 项：\n"
            + string.Join("\n", e.Lines.Select(l => $"· {(l.Overdue ? "【逾期】" : "【将到期】")}{l.TownshipName}：{l.Title}（期限 {ChinaTime(l.DueAt)}）"))
            + (e.Overdue + e.DueSoon > e.Lines.Count ? $"\n……另有 {e.Overdue + e.DueSoon - e.Lines.Count} 项，请在我的待办中查看。" : ""),
        [new(e.Role, e.TownshipCode, e.DepartmentCode, e.UserName)],
        MessageKind.Digest, new("", $"逾期{e.Overdue}项、即将到期{e.DueSoon}项", e.DisplayName, At: e.OccurredAt));

    public static AudienceMessage For(TaskAlertRaised e) => e.Kind switch
    {
        AlertKind.DueSoon => DueSoon(e),
        AlertKind.EscalatedToTownship => Escalated(e, "乡镇主要领导", new(Roles.TownshipLeader, e.TownshipCode)),
        AlertKind.EscalatedToCounty => Escalated(e, "县领导", new(Roles.CountyLeader, null)),
        AlertKind.EscalatedToOffice => Escalated(e, "县政府督查办", new(Roles.CountySupervisor, null)),
        _ => BoundaryAlert(e),
    };

    /// <summary>A step of the escalation chain (ADR 0037 addendum): exactly that step's audience, no one else.</summary>
    static AudienceMessage Escalated(TaskAlertRaised e, string to, Audience audience) => new(
        e.EventId, e.OccurredAt, e.WorkflowId,
        $"逾期升级督办：{e.Title}",
        $"{e.TownshipName}的任务“{e.Title}”逾期未办结，现按升级督办链报{to}，请督促办结。",
        [audience],
        MessageKind.Escalation, new(e.TownshipName, e.Title, At: e.OccurredAt), e.TaskId);

    static AudienceMessage BoundaryAlert(TaskAlertRaised e) => new(
        e.EventId, e.OccurredAt, e.WorkflowId,
        e.Kind == AlertKind.Escalation ? $"升级督办：{e.Title}" : $"催办提醒：{e.Title}",
        e.Kind == AlertKind.Escalation
            ? $"{e.TownshipName}的任务“{e.Title}”办理时间已长，现升级督办，请主要负责同志过问。"
            : $"{e.TownshipName}的任务“{e.Title}”尚未办结，请抓紧办理。",
        e.Kind == AlertKind.Escalation
            ? [new(Roles.TownshipLeader, e.TownshipCode), new(Roles.CountyLeader, null)]
            : [.. new[] { HoldersOf(e.Role, e.TownshipCode, e.DepartmentCode), new Audience(Roles.TownshipLeader, e.TownshipCode) }.Distinct()],
        e.Kind == AlertKind.Escalation ? MessageKind.Escalation : MessageKind.Reminder,
        new(e.TownshipName, e.Title, At: e.OccurredAt), e.TaskId);

    /// <summary>The yellow warning (黄色预警): the task's holders and the township leader, before the due time.</summary>
    static AudienceMessage DueSoon(TaskAlertRaised e) => new(
        e.EventId, e.OccurredAt, e.WorkflowId,
        $"黄色预警：{e.Title}",
        $"{e.TownshipName}的任务“{e.Title}”即将到期，请在期限内办结，避免逾期。",
        [.. new[] { HoldersOf(e.Role, e.TownshipCode, e.DepartmentCode), new Audience(Roles.TownshipLeader, e.TownshipCode) }.Distinct()],
        MessageKind.Reminder, new(e.TownshipName, e.Title, At: e.OccurredAt), e.TaskId);

    public static AudienceMessage For(IncidentRaised e) => new(
        e.EventId, e.OccurredAt, e.WorkflowId,
        $"流程异常：{e.TownshipName}",
        $"{e.TownshipName}创建工作流在“{e.ElementId}”处出现异常：{e.Error} 请在流程异常页面处理后重试。",
        [new(Roles.CountyAdmin, null)],
        MessageKind.Incident, new(e.TownshipName, e.ElementId, At: e.OccurredAt));

    public static AudienceMessage For(MessageDelivered e) => new(
        e.EventId, e.OccurredAt, e.WorkflowId,
        $"已登记外部结果：{e.TownshipName}",
        $"{e.TownshipName}创建工作流已收到“{ExternalMessage(e.Name)}”（登记人：{Person(e.ActorName, e.Actor)}）。",
        [new(Roles.TownshipLeader, e.TownshipCode)],
        MessageKind.Progress, new(e.TownshipName, ExternalMessage(e.Name), Person(e.ActorName, e.Actor)));

    public static AudienceMessage For(TaskAssigned e) => new(
        e.EventId, e.OccurredAt, e.WorkflowId,
        e.Assignee is null ? $"任务已退回待领：{e.Title}" : $"任务已领办：{e.Title}",
        e.Assignee is null
            ? $"{e.TownshipName}的任务“{e.Title}”已由{Person(e.ActorName, e.Actor)}退回，等待领办。"
            : $"{e.TownshipName}的任务“{e.Title}”由{Person(e.AssigneeName, e.Assignee)}负责办理（操作人：{Person(e.ActorName, e.Actor)}）。",
        [new(Roles.TownshipStaff, e.TownshipCode), new(Roles.TownshipLeader, e.TownshipCode)],
        MessageKind.TaskAssigned, new(e.TownshipName, e.Title, e.Assignee is null ? null : Person(e.AssigneeName, e.Assignee)), e.TaskId);

    public static AudienceMessage For(WorkflowCancelled e) => WorkflowControl(e.EventId, e.OccurredAt, e.WorkflowId, e.TownshipCode, e.TownshipName,
        $"创建工作流已取消：{e.TownshipName}", $"{e.TownshipName}{Track(e.Track)}创建工作流已由{Person(e.ActorName, e.Actor)}取消{ReasonClause(e.Reason)}。");

    public static AudienceMessage For(WorkflowSuspended e) => WorkflowControl(e.EventId, e.OccurredAt, e.WorkflowId, e.TownshipCode, e.TownshipName,
        $"创建工作流已暂停：{e.TownshipName}", $"{e.TownshipName}{Track(e.Track)}创建工作流已由{Person(e.ActorName, e.Actor)}暂停{ReasonClause(e.Reason)}，恢复前任务暂不能办理。");

    public static AudienceMessage For(WorkflowResumed e) => WorkflowControl(e.EventId, e.OccurredAt, e.WorkflowId, e.TownshipCode, e.TownshipName,
        $"创建工作流已恢复：{e.TownshipName}", $"{e.TownshipName}{Track(e.Track)}创建工作流已由{Person(e.ActorName, e.Actor)}恢复，请继续办理各项任务。");

    public static AudienceMessage For(TaskCancelled e) => new(
        e.EventId, e.OccurredAt, e.WorkflowId,
        $"任务已撤销：{e.Title}",
        $"{e.TownshipName}的任务“{e.Title}”已撤销，无需再办理（{e.Reason}）。",
        [HoldersOf(e.Role, e.TownshipCode, e.DepartmentCode)], TaskId: e.TaskId);

    public static AudienceMessage For(WorkflowMigrated e) => new(
        e.EventId, e.OccurredAt, e.WorkflowId,
        $"创建工作流已迁移到新版模板：{e.TownshipName}",
        $"{e.TownshipName}创建工作流已由{Person(e.ActorName, e.Actor)}从模板第 {e.FromVersion} 版迁移到第 {e.ToVersion} 版，请在待办中查看调整后的任务和期限。",
        [new(Roles.TownshipLeader, e.TownshipCode), new(Roles.TownshipStaff, e.TownshipCode)]);

    /// <summary>A published supervision bulletin goes to every township's leaders and staff, and to the county leaders.</summary>
    public static AudienceMessage For(BulletinPublished e) => new(
        e.EventId, e.OccurredAt, null,
        $"督查通报：{e.Number}",
        $"县爱卫办印发了{e.Title}（{e.Number}），请在“督查通报”中查看，对照通报的问题抓好整改。",
        [new(Roles.TownshipLeader, null), new(Roles.TownshipStaff, null), new(Roles.CountyLeader, null)],
        MessageKind.Bulletin, new("全县", e.Number, Person(e.ActorName, e.Actor)));

    static AudienceMessage WorkflowControl(Guid eventId, DateTimeOffset at, Guid workflowId, string townshipCode, string townshipName, string title, string body) =>
        new(eventId, at, workflowId, title, body,
            [new(Roles.TownshipLeader, townshipCode), new(Roles.TownshipStaff, townshipCode), new(Roles.CountyLeader, null)],
            MessageKind.Progress, new(townshipName));

    static string ReasonClause(string? reason) => string.IsNullOrWhiteSpace(reason) ? "" : $"（原因：{reason}）";

    /// <summary>
    /// The holders of a task's role: township roles only within the task's township (staff work for their
    /// own township only), department staff only within the task's department, county roles county-wide.
    /// </summary>
    static Audience HoldersOf(string role, string townshipCode, string? departmentCode) => role switch
    {
        Roles.TownshipLeader or Roles.TownshipStaff => new(role, townshipCode),
        Roles.CountyDepartment => new(role, null, departmentCode),
        _ => new(role, null),
    };
}
