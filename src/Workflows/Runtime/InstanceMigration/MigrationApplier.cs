using System.Text.Json;
using System.Text.Json.Nodes;
using Shizhu.Workflows.Events;
using Shizhu.Workflows.Journal;
using Shizhu.Workflows.Persistence;
using Shizhu.Workflows.Runtime.Model;
using Shizhu.Workflows.Runtime.Process;

namespace Shizhu.Workflows.Runtime.InstanceMigration;

/// <summary>
/// Applies a <see cref="MigrationWork"/> to the tracked workflow inside one engine command: the version, stage rows,
/// kept and cancelled tasks, stopped and new timers, moved and cancelled tokens; then the interpreter, now on the
/// target version, lets the arriving tokens open their tasks and timers as it always does (journal rows and
/// <see cref="TaskCreated"/> events included). Nothing here is written until the command's single commit.
/// </summary>
internal sealed class MigrationApplier(WorkflowDbContext db, WorkflowStateLoader process, EngineChanges changes)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task<WorkflowMigrationView> ApplyAsync(MigrationPlan plan, WorkflowInstance workflow, MigrationWork work, CancellationToken ct,
        string? actorName = null)
    {
        var variables = workflow.Variables;
        var before = JsonNode.Parse(JsonSerializer.Serialize(new
        {
            templateVersion = workflow.TemplateVersion,
            tokens = workflow.Tokens.Select(t => JournalState.Token(t.Id, t.ElementId)).ToList(),
        }, Json))!.AsObject();

        workflow.TemplateVersion = plan.TargetVersion;
        workflow.Revision++;
        MigrationStages.Apply(plan, workflow, work, changes.Now, stage => db.Stages.Add(stage), stage => db.Stages.Remove(stage));

        foreach (var (task, reason) in work.CancelledTasks)
        {
            task.Status = UserTaskStatus.Cancelled;
            task.Revision++;
            changes.Raise(id => new TaskCancelled(id, changes.Now, workflow.Id, task.Id, workflow.TownshipCode, workflow.TownshipName,
                task.StageKey, task.Title, task.Role, reason, task.DepartmentCode));
        }
        foreach (var kept in work.KeptTasks)
        {
            (kept.Task.ElementId, kept.Task.StageKey, kept.Task.Title, kept.Task.DueAt) = (kept.To, kept.StageKey, kept.Title, kept.DueAfter);
            kept.Task.Revision++;
        }
        foreach (var timer in work.StoppedTimers)
        {
            timer.CancelledAt = changes.Now;
            timer.Revision++;
        }
        // Through the engine's changes, so the scheduler (Hangfire) is asked to wake each one after the commit.
        work.NewTimers.ForEach(changes.AddTimer);
        foreach (var (token, to, arrivedBy) in work.Moves) (token.ElementId, token.ArrivedBy) = (to, arrivedBy);
        foreach (var token in work.CancelledTokens) changes.RemoveToken(workflow, token);

        var journal = changes.Journal(workflow.Id, JournalKind.WorkflowMigrated,
            $"迁移创建工作流：“{plan.Target.Template.Name}”第 {plan.SourceVersion} 版 → 第 {plan.TargetVersion} 版（保留任务 {work.KeptTasks.Count} 项，" +
            $"取消任务 {work.CancelledTasks.Count} 项，新建任务 {work.CreatedTaskViews.Count} 项，流程位置 {work.TokenViews.Count} 处）");
        if (work.Arrivals.Count > 0)
        {
            var runner = await process.RunnerAsync(workflow, changes, ct);
            foreach (var (token, from, to) in work.Arrivals)
            {
                var arriving = token ?? NewToken(workflow, from);
                runner.Interrupt(arriving.Id, to, changes.Journal(workflow.Id, JournalKind.TokenMigrated, $"迁移：流程由“{StepName(plan.Source, from)}”转入“{StepName(plan.Target, to)}”"));
            }
        }

        var created = db.ChangeTracker.Entries<WorkflowTask>().Where(e => e.State == Microsoft.EntityFrameworkCore.EntityState.Added)
            .Select(e => e.Entity).OrderBy(t => t.CreatedAt).ThenBy(t => t.Id)
            .Select(t => new TaskChangeView(t.Id, t.Title, null, t.ElementId, null, t.DueAt)).ToList();
        var view = work.View(workflow, plan, WorkflowMigrationView.Migrated, created) with { VariablesUnchanged = workflow.Variables == variables };
        journal.Before["workflow"] = before;
        journal.After["workflow"] = JournalState.Workflow(workflow.Status).With("templateVersion", workflow.TemplateVersion)
            .With("tokens", new JsonArray([.. workflow.Tokens.Select(t => (JsonNode)JournalState.Token(t.Id, t.ElementId))]));
        journal.After["mapping"] = new JsonArray([.. plan.Instructions.Select(i => (JsonNode)new JsonObject { ["from"] = i.From, ["to"] = i.To })]);
        journal.After["migration"] = JsonSerializer.SerializeToNode(view, Json);
        changes.Raise(id => new WorkflowMigrated(id, changes.Now, workflow.Id, workflow.TownshipCode, workflow.TownshipName, plan.Key,
            plan.SourceVersion, plan.TargetVersion, changes.Actor, actorName));
        return view;
    }

    /// <summary>A split's new token, placed where the old one waited; the interpreter moves it on to its target.</summary>
    private WorkflowToken NewToken(WorkflowInstance workflow, string from)
    {
        var token = new WorkflowToken { Id = changes.NewId(), WorkflowId = workflow.Id, ElementId = from, CreatedAt = changes.Now };
        changes.AddToken(workflow, token);
        return token;
    }

    /// <summary>A step as a person reads it in 办理记录: its title in the template, else its id.</summary>
    private static string StepName(ProcessGraph graph, string elementId) =>
        graph.Elements.TryGetValue(elementId, out var element) ? element.Title ?? element.Id : elementId;
}
