using Microsoft.EntityFrameworkCore;
using System.Text.Json;
using Shizhu.Workflows.Access;
using Shizhu.Workflows.Calendar;
using Shizhu.Workflows.Runtime;
using Shizhu.Workflows.Runtime.Idempotency;

namespace Shizhu.Workflows.Bulletins;

/// <summary>Generate (生成) a draft bulletin for a month that has begun: <c>{year, month}</c>.</summary>
public sealed record GenerateBulletin(int? Year, int? Month);

public sealed partial class BulletinOffice
{
    public const string GenerateCommand = "generate-bulletin";
    public const string ScheduleUser = "system";

    /// <summary>The county office asks for a bulletin of a month (draft; another draft of the same month may exist).</summary>
    public Task<BulletinView> GenerateAsync(GenerateBulletin command, Actor actor, string? idempotencyKey, CancellationToken ct)
    {
        RequireCountyOffice(actor, "生成");
        var (year, month) = Period(command);
        return ledger.RunAsync(actor, CommandRequest.For(GenerateCommand, Guid.Empty, idempotencyKey, command),
            changes => CreateAsync(year, month, scheduled: false, changes.Now, actor.UserName, ct), ct);
    }

    /// <summary>
    /// The monthly schedule: once the clock is in a new month, last month's bulletin as a draft, once — the key is the
    /// month, so a second run or a second replica answers the first draft. Answers null when it is drafted already or no
    /// workflow had started by the end of last month (nothing to report).
    /// </summary>
    public async Task<BulletinView?> GenerateMonthlyAsync(CancellationToken ct)
    {
        var today = ChinaTime.Today(clock.GetUtcNow());
        var last = new DateOnly(today.Year, today.Month, 1).AddMonths(-1);
        if (await db.Bulletins.AnyAsync(b => b.Scheduled && b.PeriodYear == last.Year && b.PeriodMonth == last.Month, ct)) return null;
        // Compared in memory: SQLite keeps instants as text; a county has a dozen workflows.
        var starts = await db.Workflows.Select(w => w.StartedAt).ToListAsync(ct);
        if (!starts.Any(s => s <= ChinaTime.EndOfDay(last.AddMonths(1).AddDays(-1)))) return null;
        var command = new GenerateBulletin(last.Year, last.Month);
        return await ledger.RunAsync(Actor.System, CommandRequest.For(GenerateCommand, Guid.Empty, $"monthly-bulletin-{last:yyyy-MM}", command),
            changes => CreateAsync(last.Year, last.Month, scheduled: true, changes.Now, ScheduleUser, ct), ct);
    }

    private (int Year, int Month) Period(GenerateBulletin command)
    {
        if (command.Year is not { } year || year is < 2000 or > 2100) throw WorkflowException.Invalid("year", "年份须在 2000 到 2100 之间。");
        if (command.Month is not { } month || month is < 1 or > 12) throw WorkflowException.Invalid("month", "月份须在 1 到 12 之间。");
        var today = ChinaTime.Today(clock.GetUtcNow());
        if (new DateOnly(year, month, 1) > today) throw WorkflowException.Invalid("month", "只能生成已经开始的月份的通报。");
        return (year, month);
    }

    private async Task<BulletinView> CreateAsync(int year, int month, bool scheduled, DateTimeOffset now, string by, CancellationToken ct)
    {
        var content = await generator.GenerateAsync(year, month, now, ct);
        var bulletin = new Bulletin
        {
            Id = Guid.CreateVersion7(now), PeriodYear = year, PeriodMonth = month, Scheduled = scheduled,
            Title = BulletinText.Title(year, month), Content = JsonSerializer.Serialize(content, BulletinView.Json),
            CreatedAt = now, CreatedBy = by,
        };
        db.Bulletins.Add(bulletin);
        return BulletinView.From(bulletin);
    }
}
