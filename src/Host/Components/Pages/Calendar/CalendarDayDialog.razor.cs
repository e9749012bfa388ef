using System.Globalization;
using Microsoft.AspNetCore.Components;
using MudBlazor;
using Shizhu.Workflows.ReferenceData;

namespace Shizhu.Host.Components.Pages.Calendar;

/// <summary>
/// Edits one day before the year is saved. It checks what the engine would refuse (a date outside the year, a
/// date already entered, a missing or too long name), so a save rarely comes back refused. Closes with the
/// <see cref="CalendarDay"/>, or with <see cref="Removed"/> when the day is deleted.
/// </summary>
public sealed partial class CalendarDayDialog
{
    /// <summary>The dialog's result when the user deleted the day.</summary>
    public const string Removed = "removed";
    private const int MaxName = 50;
    private static readonly CultureInfo Chinese = CultureInfo.GetCultureInfo("zh-CN");

    private MudForm? _form;
    private DateTime? _date;
    private StatutoryDayKind _kind = StatutoryDayKind.Holiday;
    private string? _name;
    private string? _kindError;

    [CascadingParameter] private IMudDialogInstance Dialog { get; set; } = default!;

    [Parameter, EditorRequired] public int Year { get; set; }
    /// <summary>The day being changed; null to add one.</summary>
    [Parameter] public CalendarDay? Existing { get; set; }
    /// <summary>The date to start from when adding (the day clicked in the grid).</summary>
    [Parameter] public DateOnly? Date { get; set; }
    /// <summary>The dates of the year's other entries: one entry a date.</summary>
    [Parameter] public IReadOnlySet<DateOnly> Taken { get; set; } = new HashSet<DateOnly>();

    private DateTime First => new(Year, 1, 1);
    private DateTime Last => new(Year, 12, 31);

    private string? HelperText => _date is { } date ? CalendarDay.Weekday(DateOnly.FromDateTime(date)) : null;

    protected override void OnInitialized()
    {
        if (Existing is { } day) (_date, _kind, _name) = (day.Date.ToDateTime(TimeOnly.MinValue), day.Kind, day.Name);
        else if (Date is { } date)
        {
            _date = date.ToDateTime(TimeOnly.MinValue);
            // A weekday is usually a holiday; a weekend day entered by hand is usually worked (调休).
            _kind = CalendarDay.IsWeekend(date) ? StatutoryDayKind.MakeupWorkday : StatutoryDayKind.Holiday;
        }
    }

    private string? CheckDate(DateTime? value)
    {
        if (value is not { } date) return null;
        if (date.Year != Year) return $"日期必须在 {Year} 年内。";
        return Taken.Contains(DateOnly.FromDateTime(date)) ? $"{date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)} 已在日历中，请直接修改那一天。" : null;
    }

    private static string? CheckName(string? name) => name switch
    {
        null or "" => null,
        _ when string.IsNullOrWhiteSpace(name) => "请填写节日名称。",
        _ when name.Trim().Length > MaxName => $"节日名称不能超过 {MaxName} 字。",
        _ => null,
    };

    private void Cancel() => Dialog.Cancel();

    private void Remove() => Dialog.Close(DialogResult.Ok(Removed));

    private async Task ConfirmAsync()
    {
        if (_form is null) return;
        await _form.ValidateAsync();
        if (!_form.IsValid || _date is not { } date || string.IsNullOrWhiteSpace(_name)) return;
        // The engine's rule (StatutoryCalendarAdmin): a weekday is a working day already, 调休上班 only turns a weekend day into one.
        _kindError = _kind == StatutoryDayKind.MakeupWorkday && !CalendarDay.IsWeekend(DateOnly.FromDateTime(date))
            ? $"{CalendarDay.Weekday(DateOnly.FromDateTime(date))}本来就是工作日，调休上班只能设在星期六或星期日。"
            : null;
        if (_kindError is not null) return;
        Dialog.Close(DialogResult.Ok(new CalendarDay(DateOnly.FromDateTime(date), _kind, _name.Trim())));
    }
}
