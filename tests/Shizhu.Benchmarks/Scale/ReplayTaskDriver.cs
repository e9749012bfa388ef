using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Shizhu.Workflows.Access;
using Shizhu.Workflows.Evidence;
using Shizhu.Workflows.Runtime.Model;
using Shizhu.Workflows.Runtime.Queries;
using Shizhu.Workflows.Runtime.Tasks;

namespace Shizhu.Benchmarks.Scale;

/// <summary>An open task of the replay with its workflow's template.</summary>
internal sealed record OpenTask(WorkflowTask Task, string TemplateKey, int TemplateVersion);

/// <summary>What the replay did, counted across its workers.</summary>
internal sealed class ReplayCounts
{
    public int Completions;
    public int Uploads;
    public int Verdicts;
    public int Fired;
}

/// <summary>
/// Does one open task as its owner would: uploads the evidence its first outcome requires, then completes it, each
/// through the engine's command. The requirements come from the task's detail (<see cref="WorkflowQueries.GetTaskAsync"/>),
/// read once per template element unless <c>readEachTask</c>: they are the element's, and the completion itself
/// still refuses a task whose evidence is missing (<see cref="RequiredEvidence"/>), so nothing the engine checks is skipped.
/// </summary>
internal sealed class ReplayTaskDriver(BenchmarkEngine engine, ReplayCounts counts, ReplayProfile profile, bool readEachTask)
{
    private static readonly byte[] Pdf = "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"u8.ToArray();
    private readonly ConcurrentDictionary<(string, int, string), Task<(List<string> Required, string? Outcome)>> _required = new();

    public async Task CompleteAsync(OpenTask open, CancellationToken ct)
    {
        var task = open.Task;
        var actor = task.Scope switch
        {
            TaskScope.County => new Actor("county-" + task.Role, new HashSet<string> { task.Role }, null),
            TaskScope.Department => new Actor("dept-" + task.DepartmentCode, new HashSet<string> { Roles.CountyDepartment }, null, task.DepartmentCode),
            _ => new Actor(task.Role + "-" + task.TownshipCode, new HashSet<string> { task.Role }, task.TownshipCode),
        };
        var (required, outcome) = readEachTask
            ? await RequiredEvidenceAsync(task, actor, ct)
            : await _required.GetOrAdd((open.TemplateKey, open.TemplateVersion, task.ElementId), _ => RequiredEvidenceAsync(task, actor, ct));
        foreach (var key in required)
        {
            await using var content = new MemoryStream(Pdf, writable: false);
            await profile.WorkAsync("evidence uploaded (EvidenceUploader)", () => engine.InScopeAsync<EvidenceUploader, EvidenceView>(u =>
                u.UploadAsync(task.Id, new UploadEvidence(key, key + ".pdf"), content, actor, null, ct)));
            Interlocked.Increment(ref counts.Uploads);
        }
        await profile.WorkAsync("task completed (TaskCompleter)", () => engine.InScopeAsync<TaskCompleter, TaskView>(c =>
            c.CompleteAsync(task.Id, new CompleteTask(outcome, null, null), actor, null, ct)));
        Interlocked.Increment(ref counts.Completions);
    }

    /// <summary>The evidence the element's first outcome requires, and that outcome: the replay decides as a good year would,
    /// choosing it here, since the engine never chooses one.</summary>
    private Task<(List<string> Required, string? Outcome)> RequiredEvidenceAsync(WorkflowTask task, Actor actor, CancellationToken ct) =>
        profile.WorkAsync("driver: task detail read (WorkflowQueries.GetTaskAsync)", async () =>
        {
            var detail = await engine.InScopeAsync<WorkflowQueries, TaskDetail?>(q => q.GetTaskAsync(actor, task.Id, ct))
                ?? throw new InvalidOperationException($"Task {task.Id} is not visible to {actor.UserName}.");
            var outcome = detail.Outcomes.FirstOrDefault();
            return (detail.Evidence.Where(r => r.IsRequiredFor(outcome)).Select(r => r.Key).ToList(), outcome);
        });
}
