using Hangfire;
using Microsoft.EntityFrameworkCore;
using Shizhu.Host.Identity;
using Shizhu.Workflows.Access;
using Shizhu.Workflows.Supervision;

namespace Shizhu.Host.Supervision;

/// <summary>
/// Hangfire's entry point for the daily digest (ADR 0037). It runs every minute and asks the engine whether today's
/// digest is due by the application clock (08:30 China time): a recurring job at a fixed cron time would follow the
/// wall clock, not the simulated one, and would miss a day the demo clock jumps over. Exactly once per person and day
/// is the engine's key, not this schedule, so two replicas running it at once send each digest once.
/// </summary>
public sealed class DigestJobs(DailyDigest digest, AppIdentityDbContext identity, ILogger<DigestJobs> logger)
{
    public const string JobId = "daily-digest";

    [DisableConcurrentExecution(timeoutInSeconds: 120)]
    public async Task<int> RunAsync(CancellationToken ct)
    {
        if (digest.DueDay() is null) return 0;
        var sent = await digest.RunAsync(await PeopleAsync(ct), ct);
        if (sent > 0) logger.LogInformation("Daily digest sent to {Count} people", sent);
        return sent;
    }

    /// <summary>Every enabled account as the engine's actor (roles, township, department, display name).</summary>
    private async Task<IReadOnlyList<Actor>> PeopleAsync(CancellationToken ct)
    {
        var rows = await (from user in identity.Users.AsNoTracking()
                          join userRole in identity.UserRoles on user.Id equals userRole.UserId
                          join role in identity.Roles on userRole.RoleId equals role.Id
                          select new { user.UserName, user.DisplayName, user.TownshipCode, user.DepartmentCode, user.LockoutEnd, Role = role.Name }).ToListAsync(ct);
        // A disabled account (locked out for good) gets no digest; sign-in lockouts run on the real clock, as Identity's do.
        var now = TimeProvider.System.GetUtcNow();
        return [.. rows.Where(r => r.LockoutEnd is null || r.LockoutEnd <= now).GroupBy(r => r.UserName!).Select(g => new Actor(g.Key, g.Select(r => r.Role!).ToHashSet(StringComparer.Ordinal),
            g.First().TownshipCode, g.First().DepartmentCode, g.First().DisplayName))];
    }
}
