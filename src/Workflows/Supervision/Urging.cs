using Microsoft.EntityFrameworkCore;
using Shizhu.Workflows.Access;
using Shizhu.Workflows.Calendar;
using Shizhu.Workflows.Persistence;
using Shizhu.Workflows.Runtime;

namespace Shizhu.Workflows.Supervision;

/// <summary>What a task urge and a township urge share: who may urge, the message's bounds and the minimum gap.</summary>
public sealed class Urging(WorkflowDbContext db, WorkingCalendarProvider calendars, SupervisionOptions options)
{
    public const int MaxMessageLength = 500;

    /// <summary>The county office, county leaders and the supervision office urge; township and department users do not.</summary>
    public static bool MayUrge(Actor actor) =>
        actor.IsInRole(Roles.CountyAdmin) || actor.IsInRole(Roles.CountyLeader) || actor.IsInRole(Roles.CountySupervisor);

    public static string CheckMessage(string? message)
    {
        var text = message?.Trim();
        if (string.IsNullOrEmpty(text)) throw WorkflowException.Invalid("message", "请填写催办内容。");
        if (text.Length > MaxMessageLength) throw WorkflowException.Invalid("message", $"催办内容不能超过 {MaxMessageLength} 字。");
        return text;
    }

    /// <summary>
    /// Refuses (429) when the last urge of the task (or, for <paramref name="taskId"/> null, of the township as a whole)
    /// is less than the configured working days ago; the answer names the first moment the next urge is allowed.
    /// </summary>
    public async Task EnsureGapAsync(string townshipCode, Guid? taskId, DateTimeOffset now, CancellationToken ct)
    {
        var urges = db.Set<Urge>().AsNoTracking();
        urges = taskId is { } id ? urges.Where(u => u.TaskId == id) : urges.Where(u => u.TownshipCode == townshipCode && u.TaskId == null);
        var last = await urges.OrderByDescending(u => u.UrgedAt).Select(u => (DateTimeOffset?)u.UrgedAt).FirstOrDefaultAsync(ct);
        if (last is not { } lastAt) return;
        var next = await NextAllowedAsync(lastAt, ct);
        if (now < next)
            throw WorkflowException.TooSoon(
                $"{(taskId is null ? "该乡镇" : "该任务")}已于 {ChinaTime.ToLocal(lastAt):yyyy-MM-dd HH:mm} 催办，{ChinaTime.ToLocal(next):yyyy-MM-dd HH:mm} 后才能再次催办。", next);
    }

    /// <summary>The gap's end: the configured number of working days after the last urge's day, at the same time of day.</summary>
    public async Task<DateTimeOffset> NextAllowedAsync(DateTimeOffset lastAt, CancellationToken ct)
    {
        var gap = Math.Max(0, options.UrgeGapWorkingDays);
        if (gap == 0) return lastAt;
        var local = ChinaTime.ToLocal(lastAt);
        var day = (await calendars.GetAsync(db, ct)).AddWorkingDays(DateOnly.FromDateTime(local.DateTime), gap);
        return ChinaTime.At(day, TimeOnly.FromDateTime(local.DateTime));
    }
}
