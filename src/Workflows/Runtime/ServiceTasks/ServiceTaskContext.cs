using System.Text.Json;
using Shizhu.Workflows.Runtime.Model;
using Shizhu.Workflows.Runtime.Process;
using Shizhu.Workflows.Templates;

namespace Shizhu.Workflows.Runtime.ServiceTasks;

/// <summary>
/// What an action may touch: the workflow, its variables, the template's parameters, and rows of its own added to
/// the command's unit of work (<see cref="AddRow{TRow}"/>) — not the database context, which the interpreter does not hold.
/// </summary>
public sealed class ServiceTaskContext
{
    private readonly Action<object> _addRow;
    private readonly Action<string> _journal;

    internal ServiceTaskContext(WorkflowInstance workflow, ElementDefinition element, TemplateDefinition template, Variables variables,
        DateTimeOffset now, Action<object> addRow, Action<string> journal)
    {
        (Workflow, Element, Template, Variables, Now) = (workflow, element, template, variables, now);
        (_addRow, _journal) = (addRow, journal);
    }

    public WorkflowInstance Workflow { get; }
    public ElementDefinition Element { get; }
    public TemplateDefinition Template { get; }
    public Variables Variables { get; }
    public DateTimeOffset Now { get; }

    /// <summary>A new row (a subsidy instalment) that the command's single write inserts with the workflow's changes.</summary>
    public void AddRow<TRow>(TRow row) where TRow : class => _addRow(row);

    /// <summary>
    /// The line the service task's journal row shows instead of the default one. The runner writes that row itself,
    /// with the variables the action set before and after.
    /// </summary>
    public void Journal(string detail) => _journal(detail);

    public string InputString(string name) =>
        Element.Input is { } input && input.TryGetValue(name, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()!
            : throw new ServiceTaskException($"服务任务 {Element.Id} 缺少输入 {name}。");

    /// <summary>A text input the action may go without: null when absent or blank.</summary>
    public string? OptionalInputString(string name) =>
        Element.Input is { } input && input.TryGetValue(name, out var value) && value.ValueKind == JsonValueKind.String
        && !string.IsNullOrWhiteSpace(value.GetString())
            ? value.GetString()!.Trim()
            : null;

    /// <summary>The Chinese name of the stage the service task belongs to (its key if the template names none).</summary>
    public string StageName => Template.Stages.FirstOrDefault(s => s.Key == Element.Stage)?.Name ?? Element.Stage ?? Element.Id;

    public int InputInt(string name) =>
        Element.Input is { } input && input.TryGetValue(name, out var value) && value.TryGetInt32(out var number)
            ? number
            : throw new ServiceTaskException($"服务任务 {Element.Id} 缺少整数输入 {name}。");

    public decimal Parameter(string name) =>
        Template.Parameters is { } parameters && parameters.TryGetValue(name, out var value)
            ? value
            : throw new ServiceTaskException($"模板参数 {name} 未定义。");
}
