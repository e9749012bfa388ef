using System.Diagnostics.Metrics;
using Microsoft.EntityFrameworkCore;
using Shizhu.Workflows.Persistence;

namespace Shizhu.Host.Telemetry;

/// <summary>
/// The backlogs as gauges (ADR 0043): events in the outbox not yet published, and pending timers already due. Read
/// when Prometheus scrapes, at most once per <see cref="Freshness"/> (two counts on partial indexes), never on a
/// command's path.
/// </summary>
public sealed class BacklogGauges : IDisposable
{
    public const string MeterName = "Shizhu.Host";
    private static readonly TimeSpan Freshness = TimeSpan.FromSeconds(10);

    private readonly IServiceScopeFactory _scopes;
    private readonly TimeProvider _clock;
    private readonly ILogger<BacklogGauges> _logger;
    private readonly Meter _meter = new(MeterName);
    private readonly Lock _lock = new();
    private (long Outbox, long TimersDue) _last;
    private long _readAt = long.MinValue;

    public BacklogGauges(IServiceScopeFactory scopes, TimeProvider clock, ILogger<BacklogGauges> logger)
    {
        _scopes = scopes;
        _clock = clock;
        _logger = logger;
        _meter.CreateObservableGauge("shizhu.outbox.backlog", () => Read().Outbox, unit: "{event}",
            description: "Events committed to the outbox and not yet published.");
        _meter.CreateObservableGauge("shizhu.timers.due", () => Read().TimersDue, unit: "{timer}",
            description: "Pending timers whose due time has passed (fired by the next sweep).");
    }

    private (long Outbox, long TimersDue) Read()
    {
        lock (_lock)
        {
            if (_readAt != long.MinValue && TimeProvider.System.GetElapsedTime(_readAt) < Freshness) return _last;
            try
            {
                using var scope = _scopes.CreateScope();
                var db = scope.ServiceProvider.GetRequiredService<WorkflowDbContext>();
                var now = _clock.GetUtcNow();
                _last = (db.Outbox.LongCount(m => m.PublishedAt == null),
                    db.Timers.LongCount(t => t.FiredAt == null && t.CancelledAt == null && t.DueAt <= now));
            }
            catch (Exception ex)
            {
                // A scrape while the database is away reports the last figures; readiness reports the outage.
                _logger.LogWarning(ex, "The backlog gauges could not be read");
            }
            _readAt = TimeProvider.System.GetTimestamp();
            return _last;
        }
    }

    public void Dispose() => _meter.Dispose();
}
