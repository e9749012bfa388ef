using Shizhu.Workflows.Runtime.Model;

namespace Shizhu.Workflows.Cockpit;

/// <summary>The cockpit's chart series, from the same snapshot as its matrix.</summary>
internal static class CockpitCharts
{
    public static DashboardCharts Compute(CockpitSnapshot snapshot, IReadOnlyList<WorkflowInstance> workflows, IReadOnlyList<DashboardStage> columns)
    {
        var townships = workflows.GroupBy(w => w.TownshipCode).Select(g => (Code: g.Key, g.First().TownshipName, Tasks: g.SelectMany(w => w.Tasks).ToList())).ToList();
        var months = Months(workflows, snapshot.AsOf);

        var overdue = townships.Select(t =>
        {
            var byMonth = t.Tasks.Where(snapshot.WentOverdue).GroupBy(x => CockpitSnapshot.Month(x.DueAt!.Value)).ToDictionary(g => g.Key, g => g.Count());
            return new OverdueSeries(t.Code, t.TownshipName, [.. months.Select(m => byMonth.GetValueOrDefault(m))]);
        }).ToList();

        var onTime = townships.Select(t =>
        {
            var completed = t.Tasks.Where(x => x.DueAt is not null && snapshot.IsCompleted(x)).ToList();
            var inTime = completed.Count(x => x.CompletedAt <= x.DueAt);
            return new OnTimeRate(t.Code, t.TownshipName, inTime, completed.Count, completed.Count == 0 ? null : decimal.Round((decimal)inTime / completed.Count, 4));
        }).ToList();

        var average = columns.Select(c =>
        {
            var days = workflows.SelectMany(w => w.Stages).Where(s => s.Key == c.Key && snapshot.IsDone(s) && s.EnteredAt is not null)
                .Select(s => (s.CompletedAt!.Value - s.EnteredAt!.Value).TotalDays).ToList();
            return new StageDuration(c.Key, c.Name, days.Count, days.Count == 0 ? null : decimal.Round((decimal)days.Average(), 1));
        }).ToList();

        return new DashboardCharts(months, overdue, onTime, average);
    }

    /// <summary>Every month from the first workflow's start to the moment asked about.</summary>
    private static List<string> Months(IReadOnlyList<WorkflowInstance> workflows, DateTimeOffset asOf)
    {
        if (workflows.Count == 0) return [];
        var first = Calendar.ChinaTime.ToLocal(workflows.Min(w => w.StartedAt));
        var last = Calendar.ChinaTime.ToLocal(asOf);
        var months = new List<string>();
        for (var m = new DateTime(first.Year, first.Month, 1); m <= new DateTime(last.Year, last.Month, 1); m = m.AddMonths(1))
            months.Add(m.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture));
        return months;
    }
}
