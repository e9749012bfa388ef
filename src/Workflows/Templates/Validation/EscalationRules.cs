using Shizhu.Workflows.Supervision;
using static Shizhu.Workflows.Templates.Validation.TemplateProblemCodes;

namespace Shizhu.Workflows.Templates.Validation;

/// <summary>The template's escalation chain: known audiences, each once, days in range and rising (ADR 0037 addendum).</summary>
internal static class EscalationRules
{
    public const int MaxAfterWorkingDays = 60;

    public static void Check(ValidationRun run, string at, IReadOnlyList<EscalationStepDefinition>? steps)
    {
        if (steps is null) return;
        var seen = new HashSet<string>();
        var previous = -1;
        for (var i = 0; i < steps.Count; i++)
        {
            var path = $"escalation[{i}]";
            if (steps[i] is not { } step)
            {
                run.Add(at, path, Required, "升级督办链的每一级都须写明 afterWorkingDays 和 to。");
                continue;
            }
            var (days, to) = (step.AfterWorkingDays, step.To);
            if (!EscalationChain.IsAudience(to))
                run.Add(at, path + ".to", UnknownRole, $"升级对象“{to}”未知：必须是 township-leader（乡镇主要领导）、county-leader（县领导）或 county-supervisor（县政府督查办）。");
            else if (!seen.Add(to))
                run.Add(at, path + ".to", Duplicate, $"升级对象“{to}”重复：每级只通知一次。");
            if (days is < 0 or > MaxAfterWorkingDays)
                run.Add(at, path + ".afterWorkingDays", InvalidRange, $"逾期工作日数（afterWorkingDays）必须在 0 到 {MaxAfterWorkingDays} 之间，现为 {days}。");
            else if (days < previous)
                run.Add(at, path + ".afterWorkingDays", InvalidRange, $"升级督办链须按逾期工作日数由少到多排列：第 {i + 1} 级为 {days}，少于上一级的 {previous}。");
            previous = Math.Max(previous, days);
        }
    }
}
