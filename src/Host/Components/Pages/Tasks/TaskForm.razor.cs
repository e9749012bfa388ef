using System.Security.Claims;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Components;
using MudBlazor;
using Shizhu.Host.Components.Services;
using Shizhu.Workflows.Runtime;
using Shizhu.Workflows.Runtime.Queries;
using Shizhu.Workflows.Runtime.Tasks;

namespace Shizhu.Host.Components.Pages.Tasks;

/// <summary>
/// The form that completes a task. The browser checks what it can in Chinese (required, bounds, length); the engine
/// checks everything again, and its refusal naming a field (<c>data.{key}</c>, <c>outcome</c>, <c>comment</c>) is shown
/// on that field. One idempotency key per page, so a double click completes the task once.
/// </summary>
public sealed partial class TaskForm
{
    private const int MaxComment = 2000;
    private const string CommentField = "comment";
    private readonly string _idempotencyKey = Guid.NewGuid().ToString("N");
    private readonly Dictionary<string, object?> _values = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _errors = new(StringComparer.Ordinal);
    private MudForm? _form;
    private string? _outcome;
    private string? _comment;
    private string? _error;
    private bool _busy;

    [Inject] private EngineGateway Engine { get; set; } = default!;

    [Parameter, EditorRequired] public TaskDetail Task { get; set; } = default!;
    [Parameter, EditorRequired] public TaskEvidence Evidence { get; set; } = default!;
    [Parameter, EditorRequired] public ClaimsPrincipal User { get; set; } = default!;
    /// <summary>Raised once the engine completed the task.</summary>
    [Parameter] public EventCallback Completed { get; set; }

    private string? ChosenOutcome => Task.Outcomes.Count > 0 ? _outcome : null;

    private IReadOnlyList<EvidenceRequirementView> Missing => Evidence.Missing(ChosenOutcome);

    private bool CanConfirm => !_busy && (Task.Outcomes.Count == 0 || _outcome is not null) && Missing.Count == 0;

    private string? Text(FormFieldView field) => _values.GetValueOrDefault(field.Key) as string;

    private decimal? Number(FormFieldView field) => _values.GetValueOrDefault(field.Key) as decimal?;

    private bool? Flag(FormFieldView field) => _values.GetValueOrDefault(field.Key) as bool?;

    private string? ServerError(FormFieldView field) => _errors.GetValueOrDefault($"data.{field.Key}");

    private void Set(FormFieldView field, object? value)
    {
        _values[field.Key] = value;
        _errors.Remove($"data.{field.Key}");
    }

    private static string? CheckComment(string? comment) =>
        comment is { Length: > MaxComment } ? $"办理意见不能超过 {MaxComment} 字。" : null;

    private async Task ConfirmAsync()
    {
        if (!CanConfirm || _form is null) return;
        await _form.ValidateAsync();
        if (!_form.IsValid) return;

        _busy = true;
        _error = null;
        _errors.Clear();
        try
        {
            var data = FormFields.Data(Task.Form, _values);
            var command = new CompleteTask(ChosenOutcome, data is null ? null : JsonSerializer.SerializeToElement(data), _comment);
            await Engine.CompleteTaskAsync(User, Task.Id, command, _idempotencyKey, CancellationToken.None);
            await Completed.InvokeAsync();
        }
        catch (WorkflowException ex)
        {
            // A refusal naming a field goes onto that field; anything else above the button.
            if (ex.Field is { } field && (field.StartsWith("data.", StringComparison.Ordinal) || field is "outcome" or CommentField))
                _errors[field] = ex.Message;
            else
                _error = ex.Message;
        }
        finally
        {
            _busy = false;
        }
    }
}
