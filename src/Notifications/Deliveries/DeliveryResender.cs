using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Shizhu.Notifications.Persistence;

namespace Shizhu.Notifications.Deliveries;

/// <summary>
/// An administrator's resend of dead letters or of deliveries waiting to retry: due at once with a fresh attempt
/// budget, journaled in the attempt log (who, when). A sent delivery is never resent: that would be a second message.
/// </summary>
public sealed class DeliveryResender(NotificationDbContext db, TimeProvider clock, ILogger<DeliveryResender> logger)
{
    public const int MaxPerRequest = 100;

    /// <summary>Resends what can be resent; answers the ids taken and, for the others, why not (in Chinese).</summary>
    public async Task<ResendResult> ResendAsync(IReadOnlyCollection<long> ids, string actor, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var rows = await db.Deliveries.Where(d => ids.Contains(d.Id)).ToDictionaryAsync(d => d.Id, ct);
        var resent = new List<long>();
        var refused = new Dictionary<long, string>();
        foreach (var id in ids.Distinct())
        {
            if (!rows.TryGetValue(id, out var d))
                refused[id] = "投递记录不存在。";
            else if (d.Status is not (DeliveryStatus.DeadLetter or DeliveryStatus.Retrying))
                refused[id] = $"只能重发投递失败或等待重试的记录，此记录为“{DeliveryNames.Status(d.Status)}”。";
            else
            {
                d.Status = DeliveryStatus.Retrying;
                d.Attempts = 0;
                d.NextAttemptAt = now;
                d.HeldFor = null;
                d.ResentBy = actor;
                d.ResentAt = now;
                d.At = now;
                d.Version++;
                d.AttemptLog.Add(new DeliveryAttempt { At = now, Outcome = AttemptOutcome.ResendRequested, Actor = actor });
                resent.Add(id);
            }
        }

        await db.SaveChangesAsync(ct);
        if (resent.Count > 0)
            logger.LogInformation("{Actor} resent deliveries {Ids}", actor, resent);
        return new ResendResult(resent, refused);
    }
}

public sealed record ResendResult(IReadOnlyList<long> Resent, IReadOnlyDictionary<long, string> Refused);
