using Microsoft.EntityFrameworkCore;
using Shizhu.Workflows.Persistence;
using Shizhu.Workflows.Runtime.Model;
using Shizhu.Workflows.Templates;

namespace Shizhu.Workflows.Runtime.Queries;

/// <summary>
/// A 会签/或签 as people follow it (ADR 0045): the element's name (会签, 或签, 会签（至少 n 份）), how many signed of how
/// many needed, and every entry of its list with its latest task on the token — a sequential one not reached yet is
/// <c>Task</c> null. <see cref="Label"/> is the line the task page and the workflow page show ("会签 3/9 已签").
/// </summary>
public sealed record CountersignView(string ElementId, string Title, string Name, bool Sequential, int Signed, int Required, int Total,
    IReadOnlyList<CountersignInstanceView> Instances)
{
    public string Label => Required == Total || Name == "或签" ? $"{Name} {Signed}/{Total} 已签" : $"{Name} {Signed}/{Total} 已签（需 {Required} 份）";
}

/// <summary>One entry of a 会签's list: the department (with its name), user or role it is for, and its task's state.</summary>
public sealed record CountersignInstanceView(string Key, string? DepartmentName, Guid? TaskId, UserTaskStatus? Status, string? Assignee,
    string? CompletedBy, DateTimeOffset? CompletedAt, string? Outcome);

internal static class CountersignQuery
{
    /// <summary>The 会签 <paramref name="task"/> is an instance of, in its current round; null for an ordinary task.</summary>
    public static async Task<CountersignView?> ForTaskAsync(WorkflowDbContext db, WorkflowTask task, TemplateDefinition template, CancellationToken ct)
    {
        if (task.InstanceKey is null || template.Elements.FirstOrDefault(e => e.Id == task.ElementId) is not { MultiInstance: { } multi } element)
            return null;
        var rows = await db.Tasks.AsNoTracking()
            .Where(t => t.WorkflowId == task.WorkflowId && t.TokenId == task.TokenId && t.ElementId == task.ElementId && t.CreatedAt <= RoundEnd(task))
            .ToListAsync(ct);
        return await ViewAsync(db, element, multi, rows, ct);
    }

    /// <summary>Every 会签 of the workflow that has open instances now, for the workflow page.</summary>
    public static async Task<IReadOnlyList<CountersignView>> RunningAsync(WorkflowDbContext db, Guid workflowId, TemplateDefinition template, CancellationToken ct)
    {
        var rows = await db.Tasks.AsNoTracking().Where(t => t.WorkflowId == workflowId && t.InstanceKey != null).ToListAsync(ct);
        var views = new List<CountersignView>();
        foreach (var running in rows.Where(t => t.Status == UserTaskStatus.Open).GroupBy(t => (t.TokenId, t.ElementId)))
        {
            if (template.Elements.FirstOrDefault(e => e.Id == running.Key.ElementId) is not { MultiInstance: { } multi } element) continue;
            views.Add(await ViewAsync(db, element, multi, [.. rows.Where(t => t.TokenId == running.Key.TokenId && t.ElementId == running.Key.ElementId)], ct));
        }
        return views;
    }

    // A later round (退回 into the element) has newer rows; the round a task belongs to is everything up to it and its siblings.
    private static DateTimeOffset RoundEnd(WorkflowTask task) => task.Status == UserTaskStatus.Open ? DateTimeOffset.MaxValue : task.CompletedAt ?? DateTimeOffset.MaxValue;

    private static async Task<CountersignView> ViewAsync(WorkflowDbContext db, ElementDefinition element, MultiInstanceDefinition multi,
        List<WorkflowTask> rows, CancellationToken ct)
    {
        var names = multi.DepartmentCodes is { } codes
            ? await db.Departments.AsNoTracking().Where(d => codes.Contains(d.Code)).ToDictionaryAsync(d => d.Code, d => d.Name, ct)
            : [];
        // The current round: each entry's latest task (a sent-back element's earlier round is history).
        var latest = rows.GroupBy(t => t.InstanceKey!).ToDictionary(g => g.Key, g => g.OrderByDescending(t => t.CreatedAt).First());
        var instances = multi.Keys.Select(key => latest.TryGetValue(key, out var t)
            ? new CountersignInstanceView(key, names.GetValueOrDefault(key), t.Id, t.Status, t.Assignee, t.CompletedBy, t.CompletedAt, t.Outcome)
            : new CountersignInstanceView(key, names.GetValueOrDefault(key), null, null, null, null, null, null)).ToList();
        return new CountersignView(element.Id, element.Title ?? element.Id, multi.Name.Split('（')[0], multi.Sequential,
            instances.Count(i => i.Status == UserTaskStatus.Completed), multi.Required, multi.Keys.Count, instances);
    }
}
