using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Shizhu.Workflows.Access;
using Shizhu.Workflows.Runtime.Process;
using Shizhu.Workflows.Events;
using Shizhu.Workflows.Journal;
using Shizhu.Workflows.Persistence;
using Shizhu.Workflows.Plans;
using Shizhu.Workflows.Runtime.Idempotency;
using Shizhu.Workflows.Runtime.Model;
using Shizhu.Workflows.Runtime.Queries;
using Shizhu.Workflows.Templates;

namespace Shizhu.Workflows.Runtime.Workflows;

/// <summary>
/// Start one township's creation workflow. <see cref="TargetYear"/> defaults from the plan or the track, <see cref="Goal"/>
/// (<see cref="Plans.Goals"/>) from the plan's row or <c>named</c>.
/// </summary>
public sealed record StartWorkflow(string? TownshipCode, string? Track, int? StartYear, int? TargetYear, string? Goal = null);

/// <summary>Starts creation workflows on the latest published template of their track; answers the new workflow's summary.</summary>
public sealed class WorkflowStarter(WorkflowDbContext db, IdempotencyLedger ledger, TemplateCatalog catalog, WorkflowStateLoader process)
{
    public const string CommandName = "start-workflow";

    /// <summary>
    /// Starts the workflow. The request names no existing resource, so its key is checked against the body alone: a
    /// repeat answers the workflow the first request started, the key with another township or track answers 422.
    /// </summary>
    public async Task<WorkflowSummary> StartAsync(StartWorkflow command, Actor actor, string? idempotencyKey, CancellationToken ct)
    {
        if (!actor.IsInRole(Roles.CountyAdmin)) throw WorkflowException.Forbidden("只有县爱卫办可以启动创建工作流。");
        var request = CommandRequest.For(CommandName, Guid.Empty, idempotencyKey, command);
        // A repeat answers before validation: the township may have a running workflow by now (the first request's).
        if (await ledger.ReplayAsync<WorkflowSummary>(actor, request, ct) is { } replayed) return replayed;
        var (township, track, startYear, targetYear, goal) = await ValidateAsync(command, ct);

        try
        {
            return await ledger.RunAsync(actor, request, async changes =>
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
                    Goal = goal,
                    Variables = PlanVariables(startYear, targetYear, goal),
                    TemplateKey = template.Key,
                    TemplateVersion = template.Version,
                    StartedAt = changes.Now,
                    StartedBy = actor.UserName,
                    Stages = [.. definition.Stages.Select((s, i) => new WorkflowStage { WorkflowId = id, Key = s.Key, Name = s.Name, Order = i })],
                };
                db.Workflows.Add(workflow);
                var journal = changes.Journal(workflow.Id, JournalKind.WorkflowStarted,
                    $"启动{township.Name}{Tracks.DisplayName(track)}创建工作流（{(startYear == targetYear ? $"{startYear}年" : $"{startYear}—{targetYear}年")}，目标：{Goals.DisplayName(goal)}，模板：{definition.Name}第{template.Version}版）");
                journal.After["workflow"] = JournalState.Workflow(workflow.Status).With("townshipCode", township.Code).With("track", track)
                    .With("startYear", startYear).With("targetYear", targetYear).With("goal", goal)
                    .With("templateKey", template.Key).With("templateVersion", template.Version);
                changes.Raise(id => new WorkflowStarted(id, changes.Now, workflow.Id, township.Code, township.Name, track, startYear, targetYear, actor.UserName, actor.Name));
                (await process.RunnerAsync(workflow, changes, ct)).Start();
                return WorkflowSummary.From(workflow);
            }, ct);
        }
        catch (DbUpdateException ex) when (UniqueViolation.Is(ex))
        {
            // The unique index on running workflows caught a start that raced ours.
            throw AlreadyRunning(township.Name, track);
        }
    }

    /// <summary>
    /// The plan's facts the template's gateways read: <c>plan.years</c> (target minus start year: 2 or more gives the national
    /// track its middle year of routine work) and <c>plan.goal</c> (whether the workflow ends at the assessment or at naming).
    /// </summary>
    private static string PlanVariables(int startYear, int targetYear, string goal) => new JsonObject
    {
        ["plan"] = new JsonObject { ["startYear"] = startYear, ["targetYear"] = targetYear, ["years"] = targetYear - startYear, ["goal"] = goal },
    }.ToJsonString();

    private static WorkflowException AlreadyRunning(string townshipName, string track) =>
        WorkflowException.Conflict($"{townshipName}已有进行中的{Tracks.DisplayName(track)}创建工作流。");

    /// <summary>Checks a start command's fields; refusals name the field at fault.</summary>
    internal async Task<(ReferenceData.Township Township, string Track, int StartYear, int TargetYear, string Goal)> ValidateAsync(StartWorkflow command, CancellationToken ct)
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
        var planRow = plan is not null && plan.StartYear == startYear ? plan : null;
        var targetYear = command.TargetYear ?? planRow?.TargetYear ?? Tracks.DefaultTargetYear(track, startYear);
        if (targetYear < startYear || targetYear > startYear + 5)
            throw WorkflowException.Invalid("targetYear", "目标年份不能早于起始年份，且最多晚 5 年。");
        if (command.Goal is not null && !Goals.IsKnown(command.Goal))
            throw WorkflowException.Invalid("goal", "创建目标必须是 named（获得命名）或 assessmentPassed（通过技术评估验收）。");
        var goal = command.Goal ?? (planRow is not null && planRow.TargetYear == targetYear ? planRow.Goal : Goals.Named);
        return (township, track, startYear, targetYear, goal);
    }
}
