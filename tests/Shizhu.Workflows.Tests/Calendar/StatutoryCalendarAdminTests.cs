using Shizhu.Workflows.Calendar;
using Shizhu.Workflows.Runtime;
using Shizhu.Workflows.Tests.Infrastructure;

using Shizhu.Workflows.Tests.Infrastructure.Databases;

namespace Shizhu.Workflows.Tests.Calendar;

public abstract class StatutoryCalendarAdminTests(EngineDatabase database) : IAsyncLifetime
{
    private EngineHarness _harness = null!;

    public async Task InitializeAsync() => _harness = await EngineHarness.CreateAsync(database);

    public async Task DisposeAsync() => await _harness.DisposeAsync();

    private Task<IReadOnlyList<StatutoryDayEntry>> ReplaceAsync(int year, params StatutoryDayEntry[] entries) =>
        _harness.InScopeAsync<StatutoryCalendarAdmin, IReadOnlyList<StatutoryDayEntry>>(a => a.ReplaceYearAsync(year, entries, TestActors.CountyAdmin, null, CancellationToken.None));

    [Fact]
    public async Task ANewYearsCalendarChangesWorkingDayDeadlinesAtOnce()
    {
        var friday = new DateOnly(2027, 2, 5);
        Assert.Equal(new DateOnly(2027, 2, 8), (await _harness.CalendarAsync()).AddWorkingDays(friday, 1));

        await ReplaceAsync(2027,
            new("2027-02-06", "makeup-workday", "春节"), new("2027-02-08", "holiday", "春节"), new("2027-02-09", "holiday", "春节"));

        var calendar = await _harness.CalendarAsync();
        Assert.Equal(new DateOnly(2027, 2, 6), calendar.AddWorkingDays(friday, 1));
        Assert.Equal(new DateOnly(2027, 2, 10), calendar.AddWorkingDays(friday, 2));
    }

    [Fact]
    public async Task ReplacingAYearKeepsTheOtherYearsAndAnswersTheNewEntries()
    {
        var before2023 = await _harness.InScopeAsync<StatutoryCalendarAdmin, IReadOnlyList<StatutoryDayEntry>>(a => a.YearAsync(2023, CancellationToken.None));

        var saved = await ReplaceAsync(2022, new StatutoryDayEntry("2022-10-01", "holiday", "国庆节"));

        Assert.Equal([new StatutoryDayEntry("2022-10-01", "holiday", "国庆节")], saved);
        Assert.Equal(before2023, await _harness.InScopeAsync<StatutoryCalendarAdmin, IReadOnlyList<StatutoryDayEntry>>(a => a.YearAsync(2023, CancellationToken.None)));
    }

    [Fact]
    public async Task TheYearsListedAreThoseWithEntriesSoANewYearAppearsOnceItIsEntered()
    {
        Task<IReadOnlyList<int>> YearsAsync() =>
            _harness.InScopeAsync<StatutoryCalendarAdmin, IReadOnlyList<int>>(a => a.YearsAsync(CancellationToken.None));
        Assert.Equal([2022, 2023, 2024, 2025, 2026], await YearsAsync());

        await ReplaceAsync(2027, new StatutoryDayEntry("2027-01-01", "holiday", "元旦"));

        Assert.Equal([2022, 2023, 2024, 2025, 2026, 2027], await YearsAsync());
    }

    [Theory]
    [InlineData("2026-10-01", "holiday", "国庆节", "[0].date")]
    [InlineData("2027-13-01", "holiday", "国庆节", "[0].date")]
    [InlineData("2027-10-01", "vacation", "国庆节", "[0].kind")]
    [InlineData("2027-10-01", "holiday", " ", "[0].name")]
    public async Task ABadEntryIsRefusedWithItsFieldAndNothingChanges(string date, string kind, string name, string field)
    {
        var error = await Assert.ThrowsAsync<WorkflowException>(() => ReplaceAsync(2027, new StatutoryDayEntry(date, kind, name)));

        Assert.Equal(field, error.Field);
    }

    [Fact]
    public async Task TownshipStaffCannotChangeTheCalendar()
    {
        var error = await Assert.ThrowsAsync<WorkflowException>(() => _harness.InScopeAsync<StatutoryCalendarAdmin, IReadOnlyList<StatutoryDayEntry>>(
            a => a.ReplaceYearAsync(2027, [], TestActors.ShijiaStaff, null, CancellationToken.None)));

        Assert.Equal(WorkflowErrorKind.Forbidden, error.Kind);
    }
}

[Trait("Category", "Unit")]
public sealed class StatutoryCalendarAdminTestsOnSqlite() : StatutoryCalendarAdminTests(EngineDatabase.Sqlite);

[Trait("Category", "Postgres")]
public sealed class StatutoryCalendarAdminTestsOnPostgres() : StatutoryCalendarAdminTests(EngineDatabase.Postgres);
