using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;
using Microsoft.AspNetCore.Identity;
using Shizhu.Host.Identity;
using Shizhu.Workflows.Access;
using Shizhu.Workflows.Supervision;

namespace Shizhu.Host.Apis;

/// <summary>
/// The personal iCalendar feed (ADR 0037): one event per deadline of the feed's owner, at the due time, with an alarm
/// a day before. An unknown or rotated token answers 404, the same as a URL that never existed.
/// </summary>
public static class CalendarFeedApi
{
    public static async Task<IResult> FeedAsync(
        string token, CalendarFeeds feeds, UserManager<AppUser> users, DeadlineFeed deadlines, TimeProvider clock, CancellationToken ct)
    {
        var userName = await feeds.UserOfAsync(token, ct);
        var user = userName is null ? null : await users.FindByNameAsync(userName);
        if (user is null || await users.IsLockedOutAsync(user)) return Errors.Problems.NotFound("日历订阅地址无效或已更换。");
        var actor = new Actor(user.UserName!, (await users.GetRolesAsync(user)).ToHashSet(StringComparer.Ordinal), user.TownshipCode,
            user.DepartmentCode, user.DisplayName);
        var items = await deadlines.DeadlinesAsync(actor, ct);
        return Results.Text(Render(items, user.DisplayName, clock.GetUtcNow()), "text/calendar; charset=utf-8");
    }

    public static string Render(IReadOnlyList<DeadlineItem> items, string owner, DateTimeOffset now)
    {
        var calendar = new Calendar { ProductId = "-//Shizhu//Healthy Township Workflows//ZH" };
        calendar.AddProperty("X-WR-CALNAME", $"{owner}的创建工作期限");
        calendar.AddProperty("X-WR-TIMEZONE", "Asia/Shanghai");
        foreach (var item in items)
        {
            var due = new CalDateTime(item.DueAt.UtcDateTime, "UTC");
            var calendarEvent = new CalendarEvent
            {
                Uid = $"task-{item.TaskId}@shizhu-workflows",
                Summary = (item.Overdue ? "【已逾期】" : "【到期】") + $"{item.TownshipName}：{item.Title}",
                Description = $"{item.TownshipName}的任务“{item.Title}”办理期限。",
                Start = due,
                End = due,
                DtStamp = new CalDateTime(now.UtcDateTime, "UTC"),
            };
            calendarEvent.Alarms.Add(new Alarm { Action = AlarmAction.Display, Description = $"明天到期：{item.Title}", Trigger = new Trigger("-P1D") });
            calendar.Events.Add(calendarEvent);
        }
        return new CalendarSerializer().SerializeToString(calendar) ?? "";
    }
}
