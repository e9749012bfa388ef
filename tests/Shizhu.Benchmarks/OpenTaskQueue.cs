using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Shizhu.Workflows.Access;
using Shizhu.Workflows.Persistence;
using Shizhu.Workflows.Runtime.Model;
using Shizhu.Workflows.Templates;

namespace Shizhu.Benchmarks;

/// <summary>
/// The open tasks the workers share, read once before a run. They are dealt round-robin over the workflows
/// (first open task of every workflow, then the second, …), so workers in flight at the same moment almost
/// never touch the same workflow: the run measures completions, not optimistic-concurrency retries
/// (<see cref="ConflictCounter"/> reports any that happen). A workflow an earlier run left half done deals its
/// tasks at the places they had among the first stage's (its last task last of all), so no run inherits a block
/// of last tasks: every run measures the same kind of completion, one that leaves other tasks of its stage open.
/// </summary>
internal sealed class OpenTaskQueue
{
    private readonly ConcurrentQueue<OpenTask> _tasks;

    private OpenTaskQueue(IEnumerable<OpenTask> tasks) => _tasks = new ConcurrentQueue<OpenTask>(tasks);

    public int Count => _tasks.Count;

    public bool TryTake(out OpenTask task) => _tasks.TryDequeue(out task!);

    public static async Task<OpenTaskQueue> LoadAsync(BenchmarkEngine engine, CancellationToken ct)
    {
        var rows = await engine.InScopeAsync<WorkflowDbContext, List<(Guid Id, Guid WorkflowId, string TemplateKey, string Role, string Township, string? Outcome)>>(async db =>
        {
            // Each task's first outcome, chosen here as a good year would decide: the engine never chooses one (issue 12).
            var firstOutcomes = (await db.Templates.AsNoTracking().Select(t => new { t.Key, t.Version, t.Definition }).ToListAsync(ct))
                .SelectMany(t => TemplateCatalog.Parse(t.Definition).Elements
                    .Where(e => e.Outcomes is { Count: > 0 }).Select(e => (Key: (t.Key, t.Version, e.Id), Outcome: e.Outcomes![0])))
                .ToDictionary(x => x.Key, x => x.Outcome);
            return (await db.Tasks.AsNoTracking()
                .Where(t => t.Status == UserTaskStatus.Open)
                .Join(db.Workflows, t => t.WorkflowId, w => w.Id, (t, w) => new { t.Id, t.WorkflowId, w.TemplateKey, w.TemplateVersion, t.ElementId, t.Role, t.TownshipCode, t.CreatedAt })
                .OrderBy(t => t.CreatedAt).ThenBy(t => t.Id)
                .ToListAsync(ct))
                .Select(t => (t.Id, t.WorkflowId, t.TemplateKey, t.Role, t.TownshipCode,
                    firstOutcomes.GetValueOrDefault((t.TemplateKey, t.TemplateVersion, t.ElementId)))).ToList();
        });

        var actors = new Dictionary<(string, string), Actor>();
        Actor ActorFor(string role, string township)
        {
            var key = (role, role == Roles.CountyAdmin ? "" : township);
            if (!actors.TryGetValue(key, out var actor))
                actors[key] = actor = role == Roles.CountyAdmin
                    ? new Actor("bench-county", new HashSet<string> { role }, null)
                    : new Actor($"bench-{township}", new HashSet<string> { role }, township);
            return actor;
        }

        var byWorkflow = rows.GroupBy(r => r.WorkflowId).ToList();
        var width = byWorkflow.Select(g => g.Count()).DefaultIfEmpty(0).Max();
        var dealt = byWorkflow
            .SelectMany(g => g.Select((r, index) => (Rank: width - g.Count() + index, Row: r)))
            .OrderBy(x => x.Rank).ThenBy(x => x.Row.WorkflowId)
            .Select(x => new OpenTask(x.Row.Id, x.Row.WorkflowId, x.Row.TemplateKey, ActorFor(x.Row.Role, x.Row.Township), x.Row.Outcome));
        return new OpenTaskQueue(dealt);
    }
}
