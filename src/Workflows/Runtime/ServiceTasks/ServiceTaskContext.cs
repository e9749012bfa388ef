using System.Text.Json;
using Shizhu.Workflows.Persistence;
using Shizhu.Workflows.Runtime.Model;
using Shizhu.Workflows.Runtime.Process;
using Shizhu.Workflows.Templates;

namespace Shizhu.Workflows.Runtime.ServiceTasks;

/// <summary>What an action may touch: the workflow, its variables, the template's parameters, and the unit of work.</summary>
public sealed class ServiceTaskContext(
    WorkflowInstance workflow, ElementDefinition element, TemplateDefinition template, Variables variables,
    WorkflowDbContext db, DateTimeOffset now, Action<string> journal)
{
    public WorkflowInstance Workflow { get; } = workflow;
    public ElementDefinition Element { get; } = element;
    public TemplateDefinition Template { get; } = template;
    public Variables Variables { get; } = variables;
    public WorkflowDbContext Db { get; } = db;
    public DateTimeOffset Now { get; } = now;

    /// <summary>
    /// The line the service task's journal row shows instead of the default one. The runner writes that row itself,
    /// with the variables the action set before and after.
    /// </summary>
    public void Journal(string detail) => journal(detail);

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
