using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Routing;
using MudBlazor;
using Shizhu.Workflows.Calendar;
using Shizhu.Workflows.ReferenceData;
using Shizhu.Workflows.Runtime;

namespace Shizhu.Host.Components.Pages.Calendar;

/// <summary>
/// 法定节假日日历: an administrator reads a year's holidays and make-up working days, edits them here, and saves the
/// whole year through the engine's <see cref="StatutoryCalendarAdmin"/> — the command behind <c>PUT /api/calendar/{year}</c>.
/// Edits stay on the page until saved; leaving the page or the year with unsaved edits asks first.
/// </summary>
public sealed partial class CalendarPage
{
    private const int MinYear = 2000;
    private const int MaxYear = 2100;

    private List<CalendarDay>? _days;
    private IReadOnlyList<int> _years = [];
    private int _year;
    private bool _dirty;
    private bool _busy;
    private string? _error;
    private DateOnly? _errorDate;

    [Parameter] public int? Year { get; set; }
    [Inject] private IDialogService Dialogs { get; set; } = default!;
    [Inject] private NavigationManager Navigation { get; set; } = default!;

    protected override object? LoadKey => Year;

    /// <summary>The years offered: those entered, the one shown, and the year after the last entered (to extend the calendar).</summary>
    private IEnumerable<int> YearOptions =>
        _years.Append(_year).Append(_years.Count > 0 ? Math.Min(_years.Max() + 1, MaxYear) : _year).Distinct().Order();

    private string YearText(int year) => _years.Contains(year) ? $"{year} 年" : $"{year} 年（未录入）";

    private int Count(StatutoryDayKind kind) => _days?.Count(d => d.Kind == kind) ?? 0;

    protected override async Task LoadAsync(CancellationToken ct)
    {
        var year = Year is >= MinYear and <= MaxYear ? Year.Value : ChinaTime.Today(Clock.GetUtcNow()).Year;
        // Moving the demo clock reloads every page: unsaved edits of the same year are kept.
        if (_dirty && year == _year) return;
        _year = year;
        _years = await Engine.CalendarYearsAsync(ct);
        _days = [.. (await Engine.CalendarYearAsync(year, ct)).Select(CalendarDay.From)];
        (_dirty, _error, _errorDate) = (false, null, null);
    }

    private void SelectYear(int year)
    {
        if (year != _year && year is >= MinYear and <= MaxYear) Navigation.NavigateTo($"calendar/{year}");
    }

    /// <summary>Another year, another page, the browser's back button: unsaved edits are only dropped after asking.</summary>
    private async Task ConfirmLeavingAsync(LocationChangingContext context)
    {
        if (!_dirty) return;
        var discard = await Dialogs.ShowMessageBoxAsync("放弃修改？", $"{_year} 年的修改尚未保存，离开将放弃这些修改。",
            yesText: "放弃修改", cancelText: "继续编辑");
        if (discard == true) _dirty = false;
        else context.PreventNavigation();
    }

    private Task DayClickedAsync(DateOnly date) =>
        _days?.FirstOrDefault(d => d.Date == date) is { } day ? EditAsync(day) : AddAsync(date);

    private Task AddAsync(DateOnly? date) => OpenDayAsync(null, date);

    private Task EditAsync(CalendarDay day) => OpenDayAsync(day, null);

    private async Task OpenDayAsync(CalendarDay? existing, DateOnly? date)
    {
        if (_days is null || _busy) return;
        var parameters = new DialogParameters<CalendarDayDialog>
        {
            { d => d.Year, _year },
            { d => d.Existing, existing },
            { d => d.Date, date },
            { d => d.Taken, _days.Where(d => d != existing).Select(d => d.Date).ToHashSet() },
        };
        var title = existing is null ? "添加日期" : $"修改 {existing.IsoDate}";
        var dialog = await Dialogs.ShowAsync<CalendarDayDialog>(title, parameters,
            new DialogOptions { MaxWidth = MaxWidth.ExtraSmall, FullWidth = true, CloseButton = true, CloseOnEscapeKey = true });
        var result = await dialog.Result;
        if (result is not { Canceled: false, Data: { } data }) return;

        if (existing is not null) _days.Remove(existing);
        if (data is CalendarDay changed) _days.Add(changed);
        _days.Sort((a, b) => a.Date.CompareTo(b.Date));
        (_dirty, _error, _errorDate) = (true, null, null);
    }

    private async Task DiscardAsync()
    {
        _dirty = false;
        await ReloadAsync();
    }

    private async Task SaveAsync()
    {
        if (_days is null || _busy) return;
        _busy = true;
        (_error, _errorDate) = (null, null);
        try
        {
            var saved = await Engine.ReplaceCalendarYearAsync(User, _year, [.. _days.Select(d => d.ToEntry())], Guid.NewGuid().ToString("N"), Aborted);
            _days = [.. saved.Select(CalendarDay.From)];
            _years = await Engine.CalendarYearsAsync(Aborted);
            _dirty = false;
            Snackbar.Add($"已保存 {_year} 年：放假 {Count(StatutoryDayKind.Holiday)} 天，调休上班 {Count(StatutoryDayKind.MakeupWorkday)} 天。", Severity.Success);
        }
        catch (WorkflowException ex)
        {
            _error = ex.Message;
            _errorDate = EntryAt(ex.Field)?.Date;
        }
        finally
        {
            _busy = false;
        }
    }

    /// <summary>The entry an engine error names (<c>[3].date</c>): entries are sent in the order shown.</summary>
    private CalendarDay? EntryAt(string? field)
    {
        var end = field?.IndexOf(']', StringComparison.Ordinal) ?? -1;
        return field is ['[', ..] && end > 1 && int.TryParse(field[1..end], out var index) && index >= 0 && index < _days!.Count
            ? _days[index] : null;
    }
}
