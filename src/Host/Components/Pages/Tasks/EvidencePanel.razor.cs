using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;
using Shizhu.Host.Components.Services;
using Shizhu.Workflows.Evidence;
using Shizhu.Workflows.Runtime;
using Shizhu.Workflows.Runtime.Queries;

namespace Shizhu.Host.Components.Pages.Tasks;

/// <summary>
/// Uploads evidence from the task page. The file streams over the Blazor circuit straight into the engine's
/// <see cref="EvidenceUploader"/> — the same content checks, limit and journal as the HTTP upload (ADR 0013).
/// </summary>
public sealed partial class EvidencePanel
{
    /// <summary>What the picker offers; the engine still decides by content, not by name.</summary>
    private const string Accept = ".pdf,.jpg,.jpeg,.png,.doc,.docx,.xls,.xlsx";

    private readonly Dictionary<string, string> _errors = new(StringComparer.Ordinal);
    private string? _uploading;
    private Guid? _removing;

    [Inject] private EngineGateway Engine { get; set; } = default!;
    [Inject] private EvidenceLimits Limits { get; set; } = default!;

    [Parameter, EditorRequired] public Guid TaskId { get; set; }
    [Parameter, EditorRequired] public TaskEvidence Evidence { get; set; } = default!;
    [Parameter, EditorRequired] public ClaimsPrincipal User { get; set; } = default!;
    /// <summary>The outcome chosen in the dialog: some evidence is required for some outcomes only.</summary>
    [Parameter] public string? Outcome { get; set; }
    /// <summary>Raised after a file was stored or removed, so the form re-checks what is missing.</summary>
    [Parameter] public EventCallback Changed { get; set; }
    /// <summary>Files only (preview, download): the task is done, or not the user's to do.</summary>
    [Parameter] public bool ReadOnly { get; set; }

    private string? UserName => User.Identity?.Name;

    private string InputId(EvidenceRequirementView requirement) => $"evidence-{TaskId:N}-{requirement.Key}";

    private static string KindText(EvidenceRequirementView requirement, bool required) => requirement switch
    {
        { Required: false } => "选填",
        { RequiredFor: { } outcomes } => required ? "必需" : $"结果为{string.Join("、", outcomes)}时必需",
        _ => "必需",
    };

    private async Task UploadAsync(EvidenceRequirementView requirement, InputFileChangeEventArgs e)
    {
        if (_uploading is not null) return;
        _errors.Remove(requirement.Key);
        var file = e.File;
        // The browser reports the size: refuse before streaming megabytes the engine would refuse anyway.
        if (file.Size > Limits.MaxBytes)
        {
            _errors[requirement.Key] = $"文件不能超过 {Limits.MaxSizeText}。";
            return;
        }
        _uploading = requirement.Key;
        try
        {
            await using var content = file.OpenReadStream(Limits.MaxBytes);
            var stored = await Engine.UploadEvidenceAsync(User, TaskId, requirement.Key, file.Name, content,
                Guid.NewGuid().ToString("N"), CancellationToken.None);
            Evidence.Add(stored);
            await Changed.InvokeAsync();
        }
        catch (WorkflowException ex)
        {
            _errors[requirement.Key] = ex.Message;
        }
        catch (IOException)
        {
            // The browser stopped sending (the file changed, the tab went away): nothing was stored.
            _errors[requirement.Key] = "文件读取失败，请重新选择文件上传。";
        }
        finally
        {
            _uploading = null;
        }
    }

    /// <summary>Takes back one's own wrong upload (the engine allows it to the uploader, while the task is open).</summary>
    private async Task RemoveAsync(EvidenceView file)
    {
        if (_removing is not null) return;
        _removing = file.Id;
        _errors.Remove(file.Requirement);
        try
        {
            await Engine.RemoveEvidenceAsync(User, TaskId, file.Id, Guid.NewGuid().ToString("N"), CancellationToken.None);
            Evidence.Remove(file.Id);
            await Changed.InvokeAsync();
        }
        catch (WorkflowException ex)
        {
            _errors[file.Requirement] = ex.Message;
        }
        finally
        {
            _removing = null;
        }
    }
}
