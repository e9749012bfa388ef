using Shizhu.Workflows.Templates;

namespace Shizhu.Host.Components.Pages.Templates;

/// <summary>
/// A user task being edited on the version page: the fields an administrator changes, as plain mutable values the form
/// binds to; <see cref="ApplyTo"/> writes them back into the element (everything else about it stays as it was).
/// </summary>
public sealed class TaskDraft
{
    public string Title { get; set; } = "";
    public string Role { get; set; } = "";
    public string? DueYear { get; set; }
    public int? DueMonth { get; set; }
    public int? DueDay { get; set; }
    public int? DueWorkingDays { get; set; }
    public string Outcomes { get; set; } = "";
    public List<EvidenceRow> Evidence { get; } = [];
    public List<FieldRow> Form { get; } = [];

    public sealed class EvidenceRow
    {
        public string Key { get; set; } = "";
        public string Label { get; set; } = "";
        public bool Required { get; set; } = true;
        public IReadOnlyList<string>? RequiredFor { get; set; }
    }

    public sealed class FieldRow
    {
        public string Key { get; set; } = "";
        public string Label { get; set; } = "";
        public string Type { get; set; } = "text";
        public bool Required { get; set; }
        public FormField? Original { get; set; }
    }

    public static TaskDraft From(ElementDefinition e)
    {
        var draft = new TaskDraft
        {
            Title = e.Title ?? "", Role = e.Role ?? "",
            DueYear = e.Due?.Year, DueMonth = e.Due?.Month, DueDay = e.Due?.Day, DueWorkingDays = e.Due?.WorkingDays,
            Outcomes = string.Join("，", e.Outcomes ?? []),
        };
        draft.Evidence.AddRange((e.Evidence ?? []).Select(r => new EvidenceRow { Key = r.Key, Label = r.Label, Required = r.Required, RequiredFor = r.RequiredFor }));
        draft.Form.AddRange((e.Form ?? []).Select(f => new FieldRow { Key = f.Key, Label = f.Label, Type = f.Type, Required = f.Required, Original = f }));
        return draft;
    }

    public ElementDefinition ApplyTo(ElementDefinition e)
    {
        var due = e.Due ?? new DueRule();
        // A duration and a calendar point exclude each other: whichever the administrator filled in wins.
        due = DueWorkingDays is { } working
            ? new DueRule(WorkingDays: working)
            : due with { Year = DueYear, Month = DueMonth, Day = DueDay, WorkingDays = null, Days = null, Argument = null, WorkingDaysParameter = null };
        var outcomes = Outcomes.Split([',', '，', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return e with
        {
            Title = Title,
            Role = Role,
            Due = due == new DueRule() ? null : due,
            Outcomes = outcomes.Length == 0 ? null : outcomes,
            Evidence = Evidence.Count == 0 ? null : [.. Evidence.Select(r => new EvidenceRequirement(r.Key.Trim(), r.Label.Trim(), r.Required, r.RequiredFor))],
            Form = Form.Count == 0 ? null : [.. Form.Select(f => (f.Original ?? new FormField(f.Key, f.Label)) with { Key = f.Key.Trim(), Label = f.Label.Trim(), Type = f.Type, Required = f.Required })],
        };
    }
}
