using Shizhu.Workflows.Runtime;

namespace Shizhu.Workflows.Cockpit;

/// <summary>
/// The plan's calendar (行事历, 石柱府办发〔2022〕25号) as dates per phase for one entry: national — publicity in the start
/// year, routine creation in the years between, then in the target year application January–April, the county checks
/// May–August, acceptance September–October, naming in December; municipal — publicity in January of its year,
/// application February–April, the rest as national. The timeline draws these against the stages' actual dates.
/// </summary>
public static class PlanCalendar
{
    public const string Publicity = "publicity";
    public const string Application = "application";
    public const string GapFilling = "gap-filling";
    public const string Acceptance = "acceptance";
    public const string Naming = "naming";

    /// <summary>The template phases in order with their Chinese names (both built-ins share them).</summary>
    public static readonly IReadOnlyList<(string Key, string Name)> Phases =
        [(Publicity, "宣传发动"), (Application, "申报创建"), (GapFilling, "查漏补缺"), (Acceptance, "迎检验收"), (Naming, "公示命名")];

    public static IReadOnlyList<PlanWindow> Windows(string track, int startYear, int targetYear)
    {
        var t = targetYear;
        var national = track == Tracks.National;
        var publicity = national ? Window(Publicity, startYear, 1, Math.Max(startYear, t - 1), 12) : Window(Publicity, t, 1, t, 1);
        // National: the years between publicity and the target year are routine creation, counted in application.
        var application = national ? Window(Application, Math.Min(startYear + 1, t), 1, t, 4) : Window(Application, t, 2, t, 4);
        return [publicity, application, Window(GapFilling, t, 5, t, 8), Window(Acceptance, t, 9, t, 10), Window(Naming, t, 12, t, 12)];
    }

    private static PlanWindow Window(string phase, int fromYear, int fromMonth, int toYear, int toMonth) =>
        new(phase, Phases.Single(p => p.Key == phase).Name, new DateOnly(fromYear, fromMonth, 1),
            new DateOnly(toYear, toMonth, 1).AddMonths(1).AddDays(-1));
}

/// <summary>One phase of the plan's calendar for an entry, first and last day inclusive.</summary>
public sealed record PlanWindow(string Phase, string Name, DateOnly From, DateOnly To);
