using Shizhu.Workflows.Calendar;
using Shizhu.Workflows.ReferenceData;
using Shizhu.Workflows.Templates;

namespace Shizhu.Workflows.Tests.Calendar;

[Trait("Category", "Unit")]
public sealed class DueRuleEvaluatorTests
{
    // Spring Festival 2023 as the statutory calendar has it.
    private static readonly WorkingCalendar SpringFestival2023 = new(
    [
        .. Enumerable.Range(21, 7).Select(d => new StatutoryDay { Date = new DateOnly(2023, 1, d), Kind = StatutoryDayKind.Holiday, Name = "春节" }),
        new StatutoryDay { Date = new DateOnly(2023, 1, 28), Kind = StatutoryDayKind.MakeupWorkday, Name = "春节" },
        new StatutoryDay { Date = new DateOnly(2023, 1, 29), Kind = StatutoryDayKind.MakeupWorkday, Name = "春节" },
    ]);

    private static readonly DateTimeOffset AnyCreation = new(2022, 3, 1, 2, 0, 0, TimeSpan.Zero);

    private static DateTimeOffset? Evaluate(DueRule? rule, int startYear, int targetYear, DateTimeOffset createdAt) =>
        DueRuleEvaluator.Evaluate(rule, startYear, targetYear, createdAt, SpringFestival2023);

    [Fact]
    public void AMonthRuleIsDueAtTheLastSecondOfThatMonthInChinaExpressedInUtc()
    {
        var due = Evaluate(new DueRule(Year: "target", Month: 5), 2022, 2022, AnyCreation);

        Assert.Equal(new DateTimeOffset(2022, 5, 31, 15, 59, 59, TimeSpan.Zero), due);
        Assert.Equal(TimeSpan.Zero, due!.Value.Offset);
        Assert.Equal(new DateTimeOffset(2022, 5, 31, 23, 59, 59, TimeSpan.FromHours(8)), due);
    }

    [Theory]
    [InlineData(2024, 2, "2024-02-29")]
    [InlineData(2023, 2, "2023-02-28")]
    [InlineData(2022, 4, "2022-04-30")]
    [InlineData(2022, 12, "2022-12-31")]
    public void AMonthRuleFindsTheMonthsLastDay(int year, int month, string lastDay)
    {
        var due = Evaluate(new DueRule(Year: "target", Month: month), year, year, AnyCreation);

        Assert.Equal(ChinaTime.EndOfDay(DateOnly.Parse(lastDay)), due);
        Assert.Equal(DateOnly.Parse(lastDay), DateOnly.FromDateTime(due!.Value.ToOffset(ChinaTime.Offset).DateTime));
    }

    [Fact]
    public void AMonthRuleOfTheStartYearFallsInTheStartYearAndOneOfTheTargetYearInTheTargetYear()
    {
        var startRule = Evaluate(new DueRule(Year: "start", Month: 12), 2022, 2024, AnyCreation);
        var targetRule = Evaluate(new DueRule(Year: "target", Month: 12), 2022, 2024, AnyCreation);

        Assert.Equal(new DateTimeOffset(2022, 12, 31, 15, 59, 59, TimeSpan.Zero), startRule);
        Assert.Equal(new DateTimeOffset(2024, 12, 31, 15, 59, 59, TimeSpan.Zero), targetRule);
    }

    [Fact]
    public void AMonthRuleWithoutAYearMeansTheTargetYear()
    {
        Assert.Equal(new DateTimeOffset(2024, 6, 30, 15, 59, 59, TimeSpan.Zero),
            Evaluate(new DueRule(Month: 6), 2022, 2024, AnyCreation));
    }

    [Theory]
    // 01:00 on Friday 20 January in China (still the 19th in UTC): one working day later is the make-up Saturday.
    [InlineData("2023-01-19T17:00:00Z", 1, "2023-01-28")]
    // 23:00 on Thursday 19 January in China: one working day later is Friday the 20th.
    [InlineData("2023-01-19T15:00:00Z", 1, "2023-01-20")]
    [InlineData("2023-01-19T17:00:00Z", 3, "2023-01-30")]
    public void AWorkingDaysRuleCountsChinasWorkingDaysFromTheCreationDayInChina(string createdAt, int workingDays, string dueDay)
    {
        var due = Evaluate(new DueRule(WorkingDays: workingDays), 2023, 2023, DateTimeOffset.Parse(createdAt));

        Assert.Equal(ChinaTime.EndOfDay(DateOnly.Parse(dueDay)), due);
    }

    [Fact]
    public void ADaysRuleCountsCalendarDaysHolidaysIncluded()
    {
        var due = Evaluate(new DueRule(Days: 3), 2023, 2023, new DateTimeOffset(2023, 1, 20, 2, 0, 0, TimeSpan.Zero));

        Assert.Equal(new DateTimeOffset(2023, 1, 23, 15, 59, 59, TimeSpan.Zero), due);
    }

    [Fact]
    public void NoRuleOrAnEmptyRuleMeansNoDueTime()
    {
        Assert.Null(Evaluate(null, 2022, 2022, AnyCreation));
        Assert.Null(Evaluate(new DueRule(), 2022, 2022, AnyCreation));
    }
}
