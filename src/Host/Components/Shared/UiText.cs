using System.Globalization;
using Shizhu.Workflows.Access;
using Shizhu.Workflows.Calendar;
using Shizhu.Workflows.Runtime;
using Shizhu.Workflows.Runtime.Model;

namespace Shizhu.Host.Components.Shared;

/// <summary>How the UI shows the engine's codes and instants to people: in Chinese, in China time.</summary>
public static class UiText
{
    public const string Product = "石柱县卫生乡镇创建";

    /// <summary>Days before a due date when an open task turns yellow (即将到期).</summary>
    public const int DueSoonDays = 7;

    public static string Title(string page) => $"{page} - {Product}";

    public static string Role(string role) => role switch
    {
        Roles.CountyAdmin => "县爱卫办",
        Roles.CountyLeader => "县领导",
        Roles.TownshipLeader => "乡镇主要负责同志",
        Roles.TownshipStaff => "乡镇工作人员",
        Roles.TemplateAdmin => "模板管理员",
        Roles.CountyDepartment => "县级部门",
        Roles.CountyFinance => "县财政",
        Roles.CountySupervisor => "县政府督查办",
        _ => role,
    };

    /// <summary>Who does a task: its role, and for a department's task the department (县级部门 · 县教委).</summary>
    public static string Doer(string role, string? departmentName) =>
        departmentName is null ? Role(role) : $"{Role(role)} · {departmentName}";

    public static string Track(string track) => Tracks.DisplayName(track);

    public static string Years(int startYear, int targetYear) =>
        startYear == targetYear ? $"{startYear}年" : $"{startYear}—{targetYear}年";

    /// <summary>An instant in China time, to the minute: 2022-01-31 23:59.</summary>
    public static string Time(DateTimeOffset? instant) =>
        instant is { } value ? ChinaTime.ToLocal(value).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) : "—";

    public static string Date(DateTimeOffset? instant) =>
        instant is { } value ? ChinaTime.ToLocal(value).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : "—";

    public static string Status(WorkflowStatus status) => status switch
    {
        WorkflowStatus.Running => "进行中",
        WorkflowStatus.Completed => "已完成",
        WorkflowStatus.Cancelled => "已取消",
        WorkflowStatus.Suspended => "已暂停",
        _ => status.ToString(),
    };

    public static MudBlazor.Color StatusColor(WorkflowStatus status) => status switch
    {
        WorkflowStatus.Running => MudBlazor.Color.Info,
        WorkflowStatus.Completed => MudBlazor.Color.Success,
        WorkflowStatus.Suspended => MudBlazor.Color.Warning,
        _ => MudBlazor.Color.Default,
    };

    public static string Status(UserTaskStatus status) => status switch
    {
        UserTaskStatus.Open => "待办理",
        UserTaskStatus.Completed => "已办结",
        UserTaskStatus.Cancelled => "已取消",
        _ => status.ToString(),
    };

    public static string Stage(StageStatus status) => status switch
    {
        StageStatus.Active => "进行中",
        StageStatus.Completed => "已完成",
        _ => "未开始",
    };

    /// <summary>A task outcome as people read it (<see cref="Workflows.Events.OutcomeNames"/>).</summary>
    public static string Outcome(string outcome) => Workflows.Events.OutcomeNames.Chinese(outcome);

    public static string AlertKind(Workflows.Events.AlertKind kind) => kind switch
    {
        Workflows.Events.AlertKind.Overdue => "逾期",
        Workflows.Events.AlertKind.Reminder => "催办",
        Workflows.Events.AlertKind.Escalation => "升级督办",
        Workflows.Events.AlertKind.DueSoon => "黄色预警",
        Workflows.Events.AlertKind.EscalatedToTownship => "升级督办：乡镇主要领导",
        Workflows.Events.AlertKind.EscalatedToCounty => "升级督办：县领导",
        Workflows.Events.AlertKind.EscalatedToOffice => "升级督办：县政府督查办",
        _ => kind.ToString(),
    };

    /// <summary>A user name as a person reads it; the engine's own actions are the system's.</summary>
    public static string Person(string? userName, IReadOnlyDictionary<string, string> displayNames) => userName switch
    {
        null or "" => "—",
        "system" => "系统",
        _ => displayNames.TryGetValue(userName, out var name) ? name : userName,
    };
}
