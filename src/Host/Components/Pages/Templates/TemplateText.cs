using MudBlazor;
using Shizhu.Workflows.Runtime.Model;
using Shizhu.Workflows.Templates;

namespace Shizhu.Host.Components.Pages.Templates;

/// <summary>The templates pages' words for the template format's codes, in Chinese.</summary>
public static class TemplateText
{
    public static string Status(TemplateStatus status) => status switch
    {
        TemplateStatus.Draft => "草稿",
        TemplateStatus.Published => "已发布",
        TemplateStatus.Retired => "已停用",
        _ => status.ToString(),
    };

    public static Color StatusColor(TemplateStatus status) => status switch
    {
        TemplateStatus.Published => Color.Success,
        TemplateStatus.Draft => Color.Warning,
        _ => Color.Default,
    };

    /// <summary>Who saved or published a version, by the display name they had then (系统内置 for a built-in release).</summary>
    public static string Author(string? userName, string? displayName = null) => userName switch
    {
        null => "—",
        TemplateVersion.BuiltInAuthor => "系统内置",
        _ => displayName ?? userName,
    };

    public static string Type(ElementType type) => type switch
    {
        ElementType.StartEvent => "开始",
        ElementType.EndEvent => "结束",
        ElementType.UserTask => "人工任务",
        ElementType.ServiceTask => "系统任务",
        ElementType.ExclusiveGateway => "排他网关",
        ElementType.ParallelGateway => "并行网关",
        ElementType.TimerEvent => "定时等待",
        ElementType.MessageEvent => "等待消息",
        ElementType.SubProcess => "调用子流程",
        _ => type.ToString(),
    };

    public static string Scope(TaskScope? scope) => scope switch
    {
        TaskScope.Township => "乡镇",
        TaskScope.County => "县级",
        TaskScope.Department => "县级部门",
        _ => "—",
    };

    public static string TimerKind(string kind) => kind switch
    {
        "reminder" => "催办",
        "escalation" => "升级督办",
        "timeout" => "超时",
        _ => kind,
    };

    public static string Change(string change) => change switch
    {
        "added" => "新增",
        "removed" => "删除",
        "changed" => "修改",
        _ => change,
    };

    public static string Kind(string kind) => kind switch
    {
        "stage" => "阶段",
        "element" => "元素",
        "flow" => "流转",
        "template" => "模板",
        _ => kind,
    };

    /// <summary>A due rule as people read it: 目标年 4月 月末, 10 个工作日, 参数“…”的工作日.</summary>
    public static string Due(DueRule? due)
    {
        if (due is null) return "—";
        if (due.Argument is { } argument) return $"由调用传入（{argument}）";
        if (due.WorkingDaysParameter is { } parameter) return $"参数“{parameter}”个工作日";
        if (due.WorkingDays is { } working) return $"{working} 个工作日";
        if (due.Days is { } days) return $"{days} 天";
        var year = due.YearOffset is { } offset ? $"启动年后第 {offset} 年" : due.Year == "start" ? "启动年" : "目标年";
        var month = due.Month is { } m ? $"{m}月" : "";
        var day = due.Day is { } d ? $"{d}日" : "";
        var at = due.At == "start" ? (day.Length > 0 ? "当天开始" : "月初") : (day.Length > 0 ? "" : "月末");
        return $"{year}{month}{day}{at}";
    }
}
