using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Shizhu.Workflows.Access;
using Shizhu.Workflows.Calendar;
using Shizhu.Workflows.Persistence;
using Shizhu.Workflows.Runtime.Model;
using Shizhu.Workflows.Runtime.Process;
using Shizhu.Workflows.Templates;
using Shizhu.Workflows.Runtime.Idempotency;

namespace Shizhu.Workflows.Runtime.InstanceMigration;

/// <summary>
/// Instance migration (ADR 0028): moves running workflows from one version of their template to another. A dry run
/// works out and reports what would happen to each selected workflow and writes nothing; an execution migrates each
/// workflow in its own engine command — one transaction, all or nothing, refused with 422 when its state cannot be
/// mapped — idempotent by (workflow, plan): the ledger key is derived from the plan's hash, the workflow and the
/// caller's Idempotency-Key, so executing the same plan again answers the first result. County office and template
/// administrators only.
/// </summary>
public sealed class WorkflowMigration(WorkflowDbContext db, IdempotencyLedger ledger, TemplateCatalog catalog,
    WorkingCalendarProvider calendars, WorkflowStateLoader process, TimeProvider clock)
{
    public const string Command = "migrate-workflow";
    public const string BatchCommand = "migrate-workflows";

    /// <summary>Reports what executing <paramref name="request"/> would do to each workflow its filter selects; writes nothing.</summary>
    public async Task<MigrationBatchView> DryRunAsync(MigrationPlanRequest? request, Actor actor, CancellationToken ct)
    {
        var plan = await ReadAsync(request, actor, ct);
        var views = new List<WorkflowMigrationView>();
        foreach (var id in await SelectAsync(plan, request!.Filter, ct)) views.Add(await DryRunOneAsync(plan, id, ct));
        return Batch(plan, dryRun: true, views);
    }

    /// <summary>Migrates each workflow the filter selects, each in its own command; refused ones are listed with their reasons.</summary>
    public async Task<MigrationBatchView> ExecuteAsync(MigrationPlanRequest? request, Actor actor, string? idempotencyKey, CancellationToken ct)
    {
        IdempotencyLedger.Check(idempotencyKey);
        var plan = await ReadAsync(request, actor, ct);
        var batchId = Derive(plan.Hash, string.Join(",", request!.Filter?.TownshipCodes ?? []), string.Join(",", request.Filter?.WorkflowIds ?? []));
        // The batch is several engine commands (one per workflow): its answer is recorded after them, a repeat answers it.
        return await ledger.RunInStepsAsync(actor, CommandRequest.For(BatchCommand, batchId, idempotencyKey, request), async () =>
        {
            var views = new List<WorkflowMigrationView>();
            foreach (var id in await SelectAsync(plan, request.Filter, ct))
            {
                try
                {
                    views.Add(await MigrateOneAsync(plan, id, actor, idempotencyKey, ct));
                }
                catch (WorkflowException e) when (e.Kind is WorkflowErrorKind.Unprocessable or WorkflowErrorKind.Conflict)
                {
                    views.Add(await RefusedAsync(plan, id, e, ct));
                }
            }
            return Batch(plan, dryRun: false, views);
        }, ct);
    }

    /// <summary>Migrates one workflow; a state the plan cannot map answers 422 with every refusal by element (<c>elements.{id}</c>).</summary>
    public async Task<WorkflowMigrationView> MigrateAsync(Guid workflowId, MigrationPlanRequest? request, Actor actor, string? idempotencyKey,
        CancellationToken ct)
    {
        IdempotencyLedger.Check(idempotencyKey);
        var plan = await ReadAsync(request, actor, ct);
        return await MigrateOneAsync(plan, workflowId, actor, idempotencyKey, ct);
    }

    private async Task<MigrationPlan> ReadAsync(MigrationPlanRequest? request, Actor actor, CancellationToken ct)
    {
        if (!actor.IsInRole(Roles.CountyAdmin) && !actor.IsInRole(Roles.TemplateAdmin))
            throw WorkflowException.Forbidden("只有县爱卫办或模板管理员可以迁移创建工作流。");
        return await MigrationPlan.ReadAsync(request, db, catalog, ct);
    }

    private Task<WorkflowMigrationView> MigrateOneAsync(MigrationPlan plan, Guid workflowId, Actor actor, string? idempotencyKey, CancellationToken ct)
    {
        var key = "migration:" + Derive(idempotencyKey ?? "", plan.Hash, workflowId.ToString()).ToString("N");
        // Always keyed: the same plan applied to the same workflow twice changes it once, header or not.
        return ledger.RunAsync(actor, CommandRequest.For(Command, workflowId, key, plan.Hash), async changes =>
        {
            var workflow = await process.LoadAsync(workflowId, ct) ?? throw WorkflowException.NotFound("创建工作流不存在。");
            var (tasks, timers) = await WaitsAsync(workflowId, tracked: true, ct);
            var calendar = await calendars.GetAsync(db, ct);
            var work = new MigrationPlanner(plan, workflow, tasks, timers, calendar, changes.Now, changes.NewId).Work();
            if (work.Refusals.Count > 0)
                throw WorkflowException.Unprocessable($"{workflow.TownshipName}的创建工作流无法按此计划迁移，未做任何修改。",
                    work.Refusals.GroupBy(r => r.ElementId).ToDictionary(g => g.Key.Length == 0 ? "workflow" : $"elements.{g.Key}",
                        g => string.Join("；", g.Select(r => r.Reason))));
            return await new MigrationApplier(db, process, changes).ApplyAsync(plan, workflow, work, ct, actor.Name);
        }, ct);
    }

    private async Task<WorkflowMigrationView> DryRunOneAsync(MigrationPlan plan, Guid workflowId, CancellationToken ct)
    {
        var workflow = await db.Workflows.AsNoTracking().Include(w => w.Stages).Include(w => w.Tokens).AsSplitQuery()
            .SingleAsync(w => w.Id == workflowId, ct);
        var (tasks, timers) = await WaitsAsync(workflowId, tracked: false, ct);
        var calendar = await calendars.GetAsync(db, ct);
        var work = new MigrationPlanner(plan, workflow, tasks, timers, calendar, clock.GetUtcNow(), newId: null).Work();
        return work.View(workflow, plan, WorkflowMigrationView.DryRun);
    }

    /// <summary>The workflow's open tasks and the timers not cancelled (a boundary timer that fired is not set again).</summary>
    private async Task<(List<WorkflowTask> Tasks, List<WorkflowTimer> Timers)> WaitsAsync(Guid workflowId, bool tracked, CancellationToken ct)
    {
        var tasks = db.Tasks.Where(t => t.WorkflowId == workflowId && t.Status == UserTaskStatus.Open);
        var timers = db.Timers.Where(t => t.WorkflowId == workflowId && t.CancelledAt == null);
        return tracked
            ? (await tasks.ToListAsync(ct), await timers.ToListAsync(ct))
            : (await tasks.AsNoTracking().ToListAsync(ct), await timers.AsNoTracking().ToListAsync(ct));
    }

    /// <summary>The workflows on the plan's source version (running or suspended) the filter names, in township order.</summary>
    private async Task<List<Guid>> SelectAsync(MigrationPlan plan, MigrationFilter? filter, CancellationToken ct)
    {
        var townships = filter?.TownshipCodes ?? [];
        if (townships.Count > 0)
        {
            var known = await db.Townships.AsNoTracking().Select(t => t.Code).ToListAsync(ct);
            for (var i = 0; i < townships.Count; i++)
                if (!known.Contains(townships[i])) throw WorkflowException.Invalid($"filter.townshipCodes[{i}]", $"乡镇代码 {townships[i]} 不存在。");
        }
        var ids = filter?.WorkflowIds ?? [];
        var query = db.Workflows.AsNoTracking().Where(w => w.TemplateKey == plan.Key && w.TemplateVersion == plan.SourceVersion
            && (w.Status == WorkflowStatus.Running || w.Status == WorkflowStatus.Suspended));
        if (townships.Count > 0) query = query.Where(w => townships.Contains(w.TownshipCode));
        if (ids.Count > 0) query = query.Where(w => ids.Contains(w.Id));
        return await query.OrderBy(w => w.TownshipCode).ThenBy(w => w.StartYear).Select(w => w.Id).ToListAsync(ct);
    }

    private async Task<WorkflowMigrationView> RefusedAsync(MigrationPlan plan, Guid id, WorkflowException e, CancellationToken ct)
    {
        var w = await db.Workflows.AsNoTracking().Where(x => x.Id == id).Select(x => new { x.TownshipCode, x.TownshipName }).SingleAsync(ct);
        IReadOnlyList<MigrationRefusalView> refusals = e.Errors.Count == 0
            ? [new MigrationRefusalView("", e.Message)]
            : [.. e.Errors.Select(x => new MigrationRefusalView(x.Key.StartsWith("elements.", StringComparison.Ordinal) ? x.Key["elements.".Length..] : "", x.Value))];
        return new WorkflowMigrationView(id, w.TownshipCode, w.TownshipName, plan.Key, plan.SourceVersion, plan.TargetVersion,
            WorkflowMigrationView.Refused, plan.Hash, [], [], [], [], [], [], refusals);
    }

    private static MigrationBatchView Batch(MigrationPlan plan, bool dryRun, List<WorkflowMigrationView> views) =>
        new(plan.Key, plan.SourceVersion, plan.TargetVersion, plan.Hash, dryRun, views.Count,
            views.Count(v => v.Status == WorkflowMigrationView.Migrated), views.Count(v => v.Status == WorkflowMigrationView.Refused), views);

    /// <summary>A stable id from some text: the idempotency resource of a batch, and the ledger key of one workflow's migration.</summary>
    private static Guid Derive(params string[] parts) =>
        new(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join("\n", parts)))[..16]);
}
