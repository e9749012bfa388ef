using Shizhu.Workflows.Calendar;
using Shizhu.Workflows.ReferenceData;
using Shizhu.Workflows.Tests.Infrastructure;

using Shizhu.Workflows.Tests.Infrastructure.Databases;

namespace Shizhu.Workflows.Tests.Calendar;

/// <summary>
/// The seeded statutory calendar around Spring Festival 2023: holidays Saturday 21 to Friday 27 January,
/// make-up working days (调休) Saturday 28 and Sunday 29 January.
/// </summary>
public abstract class WorkingCalendarTests(EngineDatabase database) : IAsyncLifetime
{
    private EngineHarness _harness = null!;
    private WorkingCalendar _calendar = null!;

    public async Task InitializeAsync()
    {
        _harness = await EngineHarness.CreateAsync(database);
        _calendar = await _harness.CalendarAsync();
    }

    public async Task DisposeAsync() => await _harness.DisposeAsync();

    [Theory]
    [InlineData("2023-01-20", 1, "2023-01-28")] // Friday before the holiday: next working day is the make-up Saturday
    [InlineData("2023-01-20", 2, "2023-01-29")] // then the make-up Sunday
    [InlineData("2023-01-20", 3, "2023-01-30")] // then Monday after the holiday
    [InlineData("2023-01-19", 5, "2023-01-31")] // 20th, 28th, 29th, 30th, 31st
    [InlineData("2023-01-23", 1, "2023-01-28")] // counting from inside the holiday
    [InlineData("2023-01-16", 10, "2023-02-02")] // 17, 18, 19, 20, 28, 29, 30, 31 Jan, 1, 2 Feb
    public void AddingWorkingDaysAcrossSpringFestival2023LandsOnTheRightDate(string from, int count, string expected)
    {
        var landed = _calendar.AddWorkingDays(DateOnly.Parse(from), count);

        Assert.Equal(DateOnly.Parse(expected), landed);
    }

    [Theory]
    [InlineData("2023-01-28")]
    [InlineData("2023-01-29")]
    public void AMakeUpWeekendDayCountsAsAWorkingDay(string day)
    {
        var date = DateOnly.Parse(day);

        Assert.True(date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday);
        Assert.True(_calendar.IsWorkingDay(date));
    }

    [Theory]
    [InlineData("2023-01-23")]
    [InlineData("2023-01-24")]
    [InlineData("2023-01-25")]
    [InlineData("2023-01-26")]
    [InlineData("2023-01-27")]
    public void AWeekdayHolidayIsNotAWorkingDay(string day)
    {
        var date = DateOnly.Parse(day);

        Assert.False(date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday);
        Assert.False(_calendar.IsWorkingDay(date));
    }

    [Fact]
    public void AnOrdinaryWeekendIsRestAndAnOrdinaryWeekdayIsWork()
    {
        Assert.False(_calendar.IsWorkingDay(new DateOnly(2023, 2, 4)));
        Assert.False(_calendar.IsWorkingDay(new DateOnly(2023, 2, 5)));
        Assert.True(_calendar.IsWorkingDay(new DateOnly(2023, 2, 6)));
    }

    [Fact]
    public void WithoutTheStatutoryCalendarTheHolidayWeekWouldCountAsWork()
    {
        // The contrast that shows the seeded data is what moves the dates above.
        Assert.Equal(new DateOnly(2023, 1, 23), WorkingCalendar.WeekdaysOnly.AddWorkingDays(new DateOnly(2023, 1, 20), 1));
    }

    [Fact]
    public void AddingNoWorkingDaysLeavesTheDateAndAddingFewerThanNoneIsRefused()
    {
        Assert.Equal(new DateOnly(2023, 1, 22), _calendar.AddWorkingDays(new DateOnly(2023, 1, 22), 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => _calendar.AddWorkingDays(new DateOnly(2023, 1, 22), -1));
    }

    [Fact]
    public async Task AnEditedCalendarIsUsedOnceTheProviderIsInvalidated()
    {
        await using (var db = _harness.NewDbContext())
        {
            db.StatutoryDays.Add(new StatutoryDay { Date = new DateOnly(2023, 2, 6), Kind = StatutoryDayKind.Holiday, Name = "测试" });
            await db.SaveChangesAsync();
        }
        Assert.True((await _harness.CalendarAsync()).IsWorkingDay(new DateOnly(2023, 2, 6)));

        await _harness.InScopeAsync<WorkingCalendarProvider, bool>(p => { p.Invalidate(); return Task.FromResult(true); });

        Assert.False((await _harness.CalendarAsync()).IsWorkingDay(new DateOnly(2023, 2, 6)));
    }
}

[Trait("Category", "Unit")]
public sealed class WorkingCalendarTestsOnSqlite() : WorkingCalendarTests(EngineDatabase.Sqlite);

[Trait("Category", "Postgres")]
public sealed class WorkingCalendarTestsOnPostgres() : WorkingCalendarTests(EngineDatabase.Postgres);
