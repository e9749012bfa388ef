using Microsoft.EntityFrameworkCore;
using Shizhu.Workflows.Access;
using Shizhu.Workflows.Runtime.Process;
using Shizhu.Workflows.Events;
using Shizhu.Workflows.Journal;
using Shizhu.Workflows.Persistence;
using Shizhu.Workflows.Runtime.Commands;
using Shizhu.Workflows.Runtime.Model;
using Shizhu.Workflows.Templates;

namespace Shizhu.Workflows.Runtime;

/// <summary>Starts creation workflows on the latest published template of their track.</summary>
public sealed class WorkflowStarter(WorkflowDbContext db, EngineCommandRunner runner, TemplateCatalog catalog, WorkflowStateLoader process)
{
    public async Task<WorkflowInstance> StartAsync(StartWorkflow command, Actor actor, CancellationToken ct)
    {
        if (!actor.IsInRole(Roles.CountyAdmin)) throw WorkflowException.Forbidden("只有县爱卫办可以启动创建工作流。");
        var (township, track, startYear, targetYear) = await ValidateAsync(command, ct);

        try
        {
            return await runner.RunAsync(actor.UserName, async changes =>
            {
                if (await db.Workflows.AnyAsync(w => w.TownshipCode == township.Code && w.Track == track
                                                     && (w.Status == WorkflowStatus.Running || w.Status == WorkflowStatus.Suspended), ct))
                    throw AlreadyRunning(township.Name, track);
                var template = await db.Templates.AsNoTracking()
                    .Where(t => t.Key == track && t.Status == TemplateStatus.Published)
                    .OrderByDescending(t => t.Version).FirstOrDefaultAsync(ct)
                    ?? throw WorkflowException.Conflict($"没有已发布的{Tracks.DisplayName(track)}模板。");
                var definition = await catalog.GetAsync(db, template.Key, template.Version, ct);

                var id = changes.NewId();
                var workflow = new WorkflowInstance
                {
                    Id = id,
                    TownshipCode = township.Code,
                    TownshipName = township.Name,
                    Track = track,
                    StartYear = startYear,
                    TargetYear = targetYear,
                    TemplateKey = template.Key,
                    TemplateVersion = template.Version,
                    StartedAt = changes.Now,
                    StartedBy = actor.UserName,
                    Stages = [.. definition.Stages.Select((s, i) => new WorkflowStage { WorkflowId = id, Key = s.Key, Name = s.Name, Order = i })],
                };
                db.Workflows.Add(workflow);
                var journal = changes.Journal(workflow.Id, JournalKind.WorkflowStarted,
                    $"启动{township.Name}{Tracks.DisplayName(track)}创建工作流（{startYear}—{targetYear}年，模板 {template.Key} v{template.Version}）");
                journal.After["workflow"] = JournalState.Workflow(workflow.Status).With("townshipCode", township.Code).With("track", track)
                    .With("startYear", startYear).With("targetYear", targetYear)
                    .With("templateKey", template.Key).With("templateVersion", template.Version);
                changes.Raise(id => new WorkflowStarted(id, changes.Now, workflow.Id, township.Code, township.Name, track, startYear, targetYear, actor.UserName));
                (await process.RunnerAsync(workflow, changes, ct)).Start();
                return workflow;
            }, ct);
        }
        catch (DbUpdateException ex) when (UniqueViolation.Is(ex))
        {
            // The unique index on running workflows caught a start that raced ours.
            throw AlreadyRunning(township.Name, track);
        }
    }

    private static WorkflowException AlreadyRunning(string townshipName, string track) =>
        WorkflowException.Conflict($"{townshipName}已有进行中的{Tracks.DisplayName(track)}创建工作流。");

    /// <summary>Checks a start command's fields; refusals name the field at fault.</summary>
    internal async Task<(ReferenceData.Township Township, string Track, int StartYear, int TargetYear)> ValidateAsync(StartWorkflow command, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(command.TownshipCode)) throw WorkflowException.Invalid("townshipCode", "请选择乡镇。");
        var township = await db.Townships.AsNoTracking().SingleOrDefaultAsync(t => t.Code == command.TownshipCode, ct)
            ?? throw WorkflowException.Invalid("townshipCode", $"乡镇代码 {command.TownshipCode} 不存在。");
        if (!Tracks.IsKnown(command.Track)) throw WorkflowException.Invalid("track", "创建类型必须是 national（国家卫生乡镇）或 municipal（重庆市卫生乡镇）。");
        var track = command.Track!;
        if (command.StartYear is not (>= 2000 and <= 2100) || command.StartYear is null)
            throw WorkflowException.Invalid("startYear", "创建起始年份必须在 2000—2100 之间。");
        var startYear = command.StartYear.Value;
        var plan = await db.PlanEntries.AsNoTracking().SingleOrDefaultAsync(p => p.TownshipCode == township.Code && p.Track == track, ct);
        var targetYear = command.TargetYear
            ?? (plan is not null && plan.StartYear == startYear ? plan.TargetYear : Tracks.DefaultTargetYear(track, startYear));
        if (targetYear < startYear || targetYear > startYear + 5)
            throw WorkflowException.Invalid("targetYear", "目标年份不能早于起始年份，且最多晚 5 年。");
        return (township, track, startYear, targetYear);
    }
}
