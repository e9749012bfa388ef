namespace Shizhu.Notifications.Deliveries;

/// <summary>
/// A sliding window of the sends per channel, on the application clock: a channel may send while fewer than its
/// permits went out in the last window. Per process: with several Host replicas each needs its share of the
/// provider's limit (ADR 0030). Not <c>System.Threading.RateLimiting</c>, whose windows run on wall-clock timers
/// and could not follow the simulated clock or a test's.
/// </summary>
public sealed class ChannelThrottle
{
    readonly Dictionary<string, Queue<DateTimeOffset>> sends = new(StringComparer.OrdinalIgnoreCase);
    readonly Lock gate = new();

    /// <summary>Takes a permit and answers true, or answers false with the time the next permit frees up.</summary>
    public bool TryAcquire(string channel, int permits, TimeSpan window, DateTimeOffset now, out DateTimeOffset freeAt)
    {
        lock (gate)
        {
            if (!sends.TryGetValue(channel, out var log))
                sends[channel] = log = new Queue<DateTimeOffset>();
            while (log.Count > 0 && log.Peek() <= now - window)
                log.Dequeue();

            if (log.Count < permits)
            {
                log.Enqueue(now);
                freeAt = now;
                return true;
            }

            freeAt = log.Peek() + window;
            return false;
        }
    }
}
