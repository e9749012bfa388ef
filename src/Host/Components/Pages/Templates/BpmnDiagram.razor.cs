using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;

namespace Shizhu.Host.Components.Pages.Templates;

/// <summary>
/// Shows BPMN 2.0 XML (a template version's export) with bpmn-js's NavigatedViewer — pan and zoom, no editing — and puts
/// <see cref="Marks"/> on its shapes. A new <see cref="Xml"/> draws again; new marks only re-mark.
/// </summary>
public sealed partial class BpmnDiagram
{
    private ElementReference _container;
    private IJSObjectReference? _module;
    private DotNetObjectReference<BpmnDiagram>? _self;
    private string? _shownXml;
    private DiagramMarks? _shownMarks;

    [Inject] private IJSRuntime Js { get; set; } = default!;
    [Parameter, EditorRequired] public string? Xml { get; set; }
    [Parameter] public DiagramMarks Marks { get; set; } = DiagramMarks.None;
    [Parameter] public EventCallback<string> OnElementClicked { get; set; }
    [Parameter] public string Height { get; set; } = "460px";
    [Parameter] public string TestId { get; set; } = "bpmn-diagram";
    [Parameter] public string Label { get; set; } = "流程图";

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (Xml is null) return;
        try
        {
            _module ??= await Js.InvokeAsync<IJSObjectReference>("import", "./js/bpmn-diagram.js");
            _self ??= DotNetObjectReference.Create(this);
            if (!ReferenceEquals(Xml, _shownXml) && Xml != _shownXml)
            {
                (_shownXml, _shownMarks) = (Xml, Marks);
                await _module.InvokeVoidAsync("show", _container, Xml, Marks.ToJs(), _self);
            }
            else if (!Equals(Marks, _shownMarks))
            {
                _shownMarks = Marks;
                await _module.InvokeVoidAsync("mark", _container, Marks.ToJs());
            }
        }
        catch (JSDisconnectedException)
        {
            // The circuit closed while drawing: nothing left to draw on.
        }
    }

    [JSInvokable]
    public Task ElementClicked(string id) => OnElementClicked.InvokeAsync(id);

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (_module is not null)
            {
                await _module.InvokeVoidAsync("dispose", _container);
                await _module.DisposeAsync();
            }
        }
        catch (JSDisconnectedException)
        {
        }
        _self?.Dispose();
    }
}

/// <summary>What to highlight on a diagram, by BPMN shape id; problems carry a count and their Chinese messages.</summary>
public sealed record DiagramMarks(
    IReadOnlyList<string> Active, IReadOnlyList<string> Completed, IReadOnlyList<string> Waiting, IReadOnlyList<string> Incident,
    IReadOnlyList<DiagramProblem> Problems, string? Selected = null)
{
    public static readonly DiagramMarks None = new([], [], [], [], []);

    public object ToJs() => new
    {
        active = Active, completed = Completed, waiting = Waiting, incident = Incident,
        problem = Problems.Select(p => new { id = p.ShapeId, count = p.Messages.Count, text = string.Join("\n", p.Messages) }),
        selected = Selected,
    };

    // Records compare lists by reference; marks are rebuilt on every change, so a value comparison is what tells them apart.
    public bool Equals(DiagramMarks? other) => other is not null && Selected == other.Selected
        && Active.SequenceEqual(other.Active) && Completed.SequenceEqual(other.Completed) && Waiting.SequenceEqual(other.Waiting)
        && Incident.SequenceEqual(other.Incident) && Problems.SequenceEqual(other.Problems);

    public override int GetHashCode() => HashCode.Combine(Selected, Active.Count, Problems.Count);
}

public sealed record DiagramProblem(string ShapeId, IReadOnlyList<string> Messages)
{
    public bool Equals(DiagramProblem? other) => other is not null && ShapeId == other.ShapeId && Messages.SequenceEqual(other.Messages);

    public override int GetHashCode() => ShapeId.GetHashCode(StringComparison.Ordinal);
}
