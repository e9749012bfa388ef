using Shizhu.Workflows.Templates;
using static Shizhu.Workflows.Templates.Validation.TemplateProblemCodes;

namespace Shizhu.Workflows.Tests.Templates;

/// <summary>A due rule is one calendar point within the plan's years, or one non-negative duration.</summary>
[Trait("Category", "Unit")]
public sealed class DueRuleRulesTests
{
    public static readonly TheoryData<string, DueRule, string, string> Defects = new()
    {
        { "six years after the start", new DueRule(YearOffset: 6, Month: 12), "due.yearOffset", DueOutsidePlan },
        { "before the start", new DueRule(YearOffset: -1, Month: 12), "due.yearOffset", DueOutsidePlan },
        { "month 13", new DueRule(Year: "target", Month: 13), "due.month", InvalidDue },
        { "month 0", new DueRule(Year: "target", Month: 0), "due.month", InvalidDue },
        { "31 April", new DueRule(Year: "target", Month: 4, Day: 31), "due.day", InvalidDue },
        { "29 February", new DueRule(Year: "target", Month: 2, Day: 29), "due.day", InvalidDue },
        { "day 0", new DueRule(Year: "target", Month: 5, Day: 0), "due.day", InvalidDue },
        { "a point and a duration", new DueRule(Year: "target", Month: 5, WorkingDays: 3), "due", InvalidDue },
        { "nothing at all", new DueRule(), "due", InvalidDue },
        { "negative working days", new DueRule(WorkingDays: -2), "due.workingDays", InvalidDue },
        { "negative days", new DueRule(Days: -1), "due.days", InvalidDue },
        { "working days and days", new DueRule(WorkingDays: 3, Days: 3), "due.days", InvalidDue },
        { "a year without a month", new DueRule(Year: "target"), "due.month", Required },
        { "an unknown year", new DueRule(Year: "next", Month: 5), "due.year", UnknownValue },
        { "an unknown moment", new DueRule(Year: "target", Month: 5, At: "noon"), "due.at", UnknownValue },
        { "a year and a year offset", new DueRule(Year: "start", YearOffset: 1, Month: 5), "due.yearOffset", InvalidDue },
    };

    public static readonly TheoryData<string, DueRule> Fine = new()
    {
        { "end of December of the target year", new DueRule(Year: "target", Month: 12) },
        { "1 May of the target year, first second", new DueRule(Year: "target", Month: 5, Day: 1, At: "start") },
        { "the fifth year after the start", new DueRule(YearOffset: 5, Month: 12) },
        { "28 February", new DueRule(Month: 2, Day: 28) },
        { "ten working days", new DueRule(WorkingDays: 10) },
        { "today", new DueRule(Days: 0) },
    };

    [Theory]
    [MemberData(nameof(Defects))]
    public void ADefectiveDueRuleIsNamedWithItsField(string defect, DueRule due, string field, string code)
    {
        Assert.NotEmpty(defect);
        TinyTemplate.Valid.Changing("submit", e => e with { Due = due }).SingleProblem("submit", field, code);
    }

    [Theory]
    [MemberData(nameof(Fine))]
    public void ASoundDueRuleHasNoProblem(string rule, DueRule due)
    {
        Assert.NotEmpty(rule);
        Assert.Empty(TinyTemplate.Valid.Changing("submit", e => e with { Due = due }).Problems());
    }

    [Fact]
    public void ABoundaryTimersDueRuleIsLocatedInsideItsTask() =>
        TinyTemplate.Valid.Changing("submit", e => e with { Boundary = [new BoundaryTimer("submit-reminder", new DueRule(Month: 2, Day: 30))] })
            .SingleProblem("submit", "boundary[0].due.day", InvalidDue);
}
