using Shizhu.Workflows.Access;
using Shizhu.Workflows.Runtime.InstanceMigration;
using Shizhu.Workflows.Tests.Infrastructure;

namespace Shizhu.Workflows.Tests.InstanceMigration;

/// <summary>The instance-migration commands on the harness, each in its own scope as one HTTP request would run.</summary>
public static class MigrationCommands
{
    public static Task<MigrationBatchView> DryRunMigrationAsync(this EngineHarness h, MigrationPlanRequest plan, Actor? actor = null) =>
        h.InScopeAsync<WorkflowMigration, MigrationBatchView>(m => m.DryRunAsync(plan, actor ?? TestActors.CountyAdmin, CancellationToken.None));

    public static Task<MigrationBatchView> ExecuteMigrationAsync(this EngineHarness h, MigrationPlanRequest plan, Actor? actor = null, string? key = null) =>
        h.InScopeAsync<WorkflowMigration, MigrationBatchView>(m => m.ExecuteAsync(plan, actor ?? TestActors.CountyAdmin, key, CancellationToken.None));

    public static Task<WorkflowMigrationView> MigrateAsync(this EngineHarness h, Guid workflowId, MigrationPlanRequest plan, Actor? actor = null, string? key = null) =>
        h.InScopeAsync<WorkflowMigration, WorkflowMigrationView>(m => m.MigrateAsync(workflowId, plan, actor ?? TestActors.CountyAdmin, key, CancellationToken.None));

    /// <summary>Counts of every table a migration writes to: equal before and after means nothing was written.</summary>
    public static (int Journal, int Outbox, int Tasks, int Timers, int Tokens, int Stages, int Keys, string Versions) Footprint(this EngineHarness h) =>
        h.Read(db => (db.Journal.Count(), db.Outbox.Count(), db.Tasks.Count(t => t.Status == Workflows.Runtime.Model.UserTaskStatus.Open),
            db.Timers.Count(t => t.CancelledAt == null), db.Tokens.Count(), db.Stages.Count(), db.IdempotencyRecords.Count(),
            string.Join(",", db.Workflows.OrderBy(w => w.Id).Select(w => w.TemplateVersion))));
}
