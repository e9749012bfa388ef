namespace Shizhu.Workflows.Cockpit;

/// <summary>
/// The phase (实施步骤) each built-in stage belongs to, as both built-in templates' <c>stages[].phase</c> say; a stage of
/// another template falls in no phase and is left off the timeline (it still has its column in the matrix).
/// </summary>
public static class StagePhases
{
    private static readonly Dictionary<string, string> Phases = new()
    {
        ["publicity"] = PlanCalendar.Publicity,
        ["routine-creation"] = PlanCalendar.Application,
        ["department-guidance"] = PlanCalendar.Application,
        ["application"] = PlanCalendar.Application,
        ["gap-filling"] = PlanCalendar.GapFilling,
        ["county-survey"] = PlanCalendar.GapFilling,
        ["county-hidden-inspection"] = PlanCalendar.GapFilling,
        ["county-technical-assessment"] = PlanCalendar.GapFilling,
        ["acceptance"] = PlanCalendar.Acceptance,
        ["municipal-acceptance"] = PlanCalendar.Acceptance,
        ["naming"] = PlanCalendar.Naming,
    };

    public static string? Of(string stageKey) => Phases.GetValueOrDefault(stageKey);
}
