using Microsoft.EntityFrameworkCore;
using Shizhu.Workflows.Persistence;

namespace Shizhu.Workflows.Calendar;

/// <summary>Holds the statutory calendar in memory; <see cref="Invalidate"/> after the calendar data changes.</summary>
public sealed class WorkingCalendarProvider
{
    private volatile WorkingCalendar? _current;

    public async Task<WorkingCalendar> GetAsync(WorkflowDbContext db, CancellationToken ct)
    {
        if (_current is { } current) return current;
        var days = await db.StatutoryDays.AsNoTracking().ToListAsync(ct);
        return _current = new WorkingCalendar(days);
    }

    public void Invalidate() => _current = null;
}
