using System.Text.Json;
using Microsoft.AspNetCore.Components;
using MudBlazor;
using Shizhu.Host.Components.Services;
using Shizhu.Workflows.Access;
using Shizhu.Workflows.Evidence;
using Shizhu.Workflows.Runtime;
using Shizhu.Workflows.Runtime.Model;
using Shizhu.Workflows.Runtime.Messages;
using Shizhu.Workflows.Runtime.Queries;

namespace Shizhu.Host.Components.Pages.Workflows;

/// <summary>One creation workflow: its stages in order, its tasks and its journal (办理记录).</summary>
public sealed partial class WorkflowPage
{
    private WorkflowDetail? _detail;
    private IReadOnlyList<JournalView> _journal = [];
    private IReadOnlyDictionary<string, string> _people = new Dictionary<string, string>();
    private IReadOnlyDictionary<string, string> _departments = new Dictionary<string, string>();
    private DateTimeOffset _now;
    private IReadOnlyList<WorkflowEvidenceView> _evidence = [];
    private IReadOnlyDictionary<Guid, string> _taskTitles = new Dictionary<Guid, string>();
    private string? _templateName;
    private bool _loaded;
    private bool _busy;

    [Parameter] public Guid Id { get; set; }

    protected override object? LoadKey => Id;

    private string CurrentStageName =>
        _detail?.Stages.FirstOrDefault(s => s.Key == _detail.CurrentStageKey)?.Name ?? "—";

    private bool CanDeliver => User.IsInRole(Roles.CountyAdmin) && _detail?.Status == WorkflowStatus.Running;

    /// <summary>The county office registers the municipal office's verdict; "passed" leads to the first subsidy and naming.</summary>
    private async Task DeliverVerdictAsync(bool passed)
    {
        _busy = true;
        try
        {
            var payload = JsonSerializer.SerializeToElement(new { result = passed ? "passed" : "failed" });
            await Engine.DeliverMessageAsync(User, Id, new DeliverMessage(WaitingPanel.MunicipalVerdict, payload), Guid.NewGuid().ToString("N"), Aborted);
            Snackbar.Add(passed ? "已登记验收通过" : "已登记验收未通过，已生成整改任务", Severity.Success);
            await ReloadAsync();
        }
        catch (WorkflowException ex)
        {
            Snackbar.Add(ex.Message, Severity.Error);
        }
        finally
        {
            _busy = false;
        }
    }

    protected override async Task LoadAsync(CancellationToken ct)
    {
        _now = Clock.GetUtcNow();
        _detail = await Engine.WorkflowAsync(User, Id, ct);
        _journal = _detail is null ? [] : [.. (await Engine.JournalAsync(User, Id, ct) ?? []).Reverse()];
        _evidence = _detail is null ? [] : await Engine.WorkflowEvidenceAsync(User, Id, ct) ?? [];
        _taskTitles = _detail?.Tasks.ToDictionary(t => t.Id, t => t.Title) ?? new Dictionary<Guid, string>();
        _templateName = _detail is null ? null : await Engine.TemplateNameAsync(_detail.TemplateKey, _detail.TemplateVersion, ct);
        var userNames = _journal.Select(j => j.Actor).Concat(_detail?.Tasks.Select(t => t.CompletedBy) ?? []).Concat(_evidence.Select(e => e.UploadedBy));
        _people = await DisplayNames.LookUpAsync(Engine, userNames, ct);
        if (_detail?.Tasks.Any(t => t.DepartmentCode is not null) == true) _departments = await Engine.DepartmentNamesAsync(ct);
        _loaded = true;
    }
}
