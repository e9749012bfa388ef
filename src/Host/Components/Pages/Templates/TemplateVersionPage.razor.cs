using System.Text.Json;
using Microsoft.AspNetCore.Components;
using MudBlazor;
using Shizhu.Host.Identity;
using Shizhu.Workflows.Access;
using Shizhu.Workflows.Runtime;
using Shizhu.Workflows.Templates;
using Shizhu.Workflows.Templates.Bpmn;
using Shizhu.Workflows.Templates.Validation;
using Shizhu.Workflows.Templates.Versions;

namespace Shizhu.Host.Components.Pages.Templates;

/// <summary>
/// One template version as a diagram and an outline, with its validation problems placed on their elements. A template
/// administrator edits a working copy of any version — the tasks' titles, roles, deadlines, outcomes, form fields and
/// evidence — with the diagram and the validation following every change, then saves it as the next draft (the same
/// command as <c>POST /api/templates/{key}/drafts</c>), publishes a draft or retires a published version. The version
/// shown never changes: editing always makes a new one.
/// </summary>
public sealed partial class TemplateVersionPage
{
    private TemplateVersionDetail? _detail;
    private TemplateDefinition? _document;
    private TemplateVersionSummary? _summary;
    private int _latest;
    private string? _xml;
    private IReadOnlyList<TemplateProblem> _problems = [];
    private IReadOnlyList<string> _departments = [];
    private DiagramMarks _marks = DiagramMarks.None;
    private string? _selected;
    private bool _editing;
    private bool _validated;
    private bool _busy;
    private bool _isTemplateAdmin;
    private TaskDraft? _draft;

    [Parameter] public string Key { get; set; } = "";
    [Parameter] public int Version { get; set; }
    [Inject] private NavigationManager Navigation { get; set; } = default!;
    [Inject] private IDialogService Dialogs { get; set; } = default!;
    [Inject] private TemplateValidator Validator { get; set; } = default!;

    protected override object? LoadKey => (Key, Version);

    private ElementDefinition? SelectedTask =>
        _document?.Elements.FirstOrDefault(e => e.Id == _selected && e.Type == ElementType.UserTask);

    protected override async Task LoadAsync(CancellationToken ct)
    {
        if (_editing) return;
        _isTemplateAdmin = User.IsInRole(Roles.TemplateAdmin);
        _detail = await Engine.RunAsync(s => s.GetRequiredService<TemplateVersions>().GetAsync(Key, Version, ct));
        if (_detail is null) return;
        var summary = (await Engine.RunAsync(s => s.GetRequiredService<TemplateVersions>().ListAsync(ct))).First(t => t.Key == Key);
        _summary = summary.Versions.First(v => v.Version == Version);
        _latest = summary.Versions.Max(v => v.Version);
        _departments = [.. (await Engine.DepartmentNamesAsync(ct)).Keys];
        _document = TemplateCatalog.ParseDocument(_detail.Definition.GetRawText());
        // A draft is shown with what publishing would find; a published version was valid when it was published.
        _validated = false;
        _problems = _detail.Status == TemplateStatus.Draft ? Validate(_document) : [];
        Refresh(redraw: true);
    }

    private IReadOnlyList<TemplateProblem> Validate(TemplateDefinition document) =>
        Validator.Validate(document, _departments);

    /// <summary>Re-draws (a changed document) or re-marks (a new selection or problems) the diagram.</summary>
    private void Refresh(bool redraw)
    {
        if (_document is null) return;
        if (redraw) _xml = BpmnExporter.Export(_document);
        var ids = new DiagramIds(_document);
        var problems = _problems.GroupBy(p => ids.Of(p.ElementId)).Where(g => g.Key is not null)
            .Select(g => new DiagramProblem(g.Key!, [.. g.Select(p => p.Field.Length > 0 ? $"{p.Field}：{p.Message}" : p.Message)])).ToList();
        _marks = new DiagramMarks([], [], [], [], problems, _selected is null ? null : ids.Of(_selected));
    }

    private string Name(string elementId) =>
        _document?.Elements.FirstOrDefault(e => e.Id == elementId)?.Title is { } title ? $"{title}（{elementId}）" : elementId;

    private void Select(string elementId)
    {
        _selected = elementId.Split('/')[0];
        if (_editing && SelectedTask is { } task) _draft = TaskDraft.From(task);
        Refresh(redraw: false);
    }

    /// <summary>A click on the diagram: its shape id back to the element (an XML id is the template id encoded).</summary>
    private void ShapeClicked(string shapeId)
    {
        var id = BpmnNames.Decode(shapeId.Split('.')[0]);
        if (_document?.Elements.Any(e => e.Id == id) == true) Select(id);
        StateHasChanged();
    }

    private void StartEditing()
    {
        _editing = true;
        if (SelectedTask is { } task) _draft = TaskDraft.From(task);
    }

    private async Task StopEditing()
    {
        _editing = false;
        _draft = null;
        await ReloadAsync();
    }

    /// <summary>Every edit: the working copy changes, the diagram is drawn again and validated at once.</summary>
    private void DraftChanged()
    {
        if (_document is null || _draft is null || SelectedTask is not { } task) return;
        _document = _document with { Elements = [.. _document.Elements.Select(e => e.Id == task.Id ? _draft.ApplyTo(e) : e)] };
        _problems = Validate(_document);
        _validated = true;
        Refresh(redraw: true);
    }

    private async Task SaveDraftAsync()
    {
        if (_document is null) return;
        await RunAsync(async s =>
        {
            using var json = JsonDocument.Parse(TemplateDocument.Write(_document));
            var draft = await s.GetRequiredService<TemplateVersions>().CreateDraftAsync(Key, json.RootElement, User.ToActor(), null, Aborted);
            Snackbar.Add($"已保存为第 {draft.Version} 版草稿。", Severity.Success);
            _editing = false;
            Navigation.NavigateTo($"templates/{Key}/versions/{draft.Version}");
        });
    }

    private Task PublishAsync() => RunAsync(async s =>
    {
        await s.GetRequiredService<TemplateVersions>().PublishAsync(Key, Version, User.ToActor(), null, Aborted);
        Snackbar.Add($"第 {Version} 版已发布：新启动的创建工作流将使用此版本。", Severity.Success);
        await ReloadAsync();
    });

    private async Task RetireAsync()
    {
        var sure = await Dialogs.ShowMessageBoxAsync("停用此版本？", $"停用后新工作流不再使用第 {Version} 版；运行中的工作流保留原版本。", yesText: "停用", cancelText: "取消");
        if (sure != true) return;
        await RunAsync(async s =>
        {
            await s.GetRequiredService<TemplateVersions>().RetireAsync(Key, Version, User.ToActor(), null, Aborted);
            Snackbar.Add($"第 {Version} 版已停用。", Severity.Info);
            await ReloadAsync();
        });
    }

    /// <summary>Runs a command; its refusal is shown (problems on their elements, others as a message), never thrown.</summary>
    private async Task RunAsync(Func<IServiceProvider, Task> command)
    {
        _busy = true;
        try
        {
            await Engine.RunAsync(async s => { await command(s); return true; });
        }
        catch (InvalidTemplateException e)
        {
            _problems = e.Problems;
            Refresh(redraw: false);
        }
        catch (WorkflowException e)
        {
            Snackbar.Add(e.Message, Severity.Error);
        }
        finally
        {
            _busy = false;
        }
    }
}
