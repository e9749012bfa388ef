using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Shizhu.Workflows.Runtime.Model;

namespace Shizhu.Workflows.Persistence.Configurations;

internal sealed class WorkflowInstanceConfiguration : IEntityTypeConfiguration<WorkflowInstance>
{
    public void Configure(EntityTypeBuilder<WorkflowInstance> b)
    {
        b.ToTable("workflows");
        b.HasKey(w => w.Id);
        b.Property(w => w.TownshipCode).HasMaxLength(12);
        b.Property(w => w.TownshipName).HasMaxLength(50);
        b.Property(w => w.Track).HasMaxLength(20);
        b.Property(w => w.Goal).HasMaxLength(20).HasDefaultValue(Plans.Goals.Named);
        b.Property(w => w.TemplateKey).HasMaxLength(60);
        b.Property(w => w.Status).HasConversion<string>().HasMaxLength(20);
        b.Property(w => w.CurrentStageKey).HasMaxLength(60);
        b.Property(w => w.StartedBy).HasMaxLength(100);
        b.Property(w => w.Revision).IsConcurrencyToken();
        // At most one live (running or suspended) creation per township and track, whatever races the callers run.
        b.HasIndex(w => new { w.TownshipCode, w.Track }).IsUnique().HasFilter("status IN ('Running', 'Suspended')");
        // The paged workflow list (ADR 0035): by township (all, or of one status) and by start.
        b.HasIndex(w => new { w.TownshipCode, w.StartYear, w.Id }, "ix_workflows_township_list");
        b.HasIndex(w => new { w.Status, w.TownshipCode, w.StartYear, w.Id }, "ix_workflows_status_township_list");
        b.HasIndex(w => new { w.StartedAt, w.Id }, "ix_workflows_started_list");
        b.HasMany(w => w.Stages).WithOne().HasForeignKey(s => s.WorkflowId);
        b.HasMany(w => w.Tasks).WithOne().HasForeignKey(t => t.WorkflowId);
        b.HasMany(w => w.Tokens).WithOne().HasForeignKey(t => t.WorkflowId);
    }
}

internal sealed class WorkflowStageConfiguration : IEntityTypeConfiguration<WorkflowStage>
{
    public void Configure(EntityTypeBuilder<WorkflowStage> b)
    {
        b.ToTable("workflow_stages");
        b.HasKey(s => new { s.WorkflowId, s.Key });
        b.Property(s => s.Key).HasMaxLength(60);
        b.Property(s => s.Name).HasMaxLength(100);
        b.Property(s => s.Status).HasConversion<string>().HasMaxLength(20);
    }
}

internal sealed class WorkflowTaskConfiguration : IEntityTypeConfiguration<WorkflowTask>
{
    public void Configure(EntityTypeBuilder<WorkflowTask> b)
    {
        b.ToTable("workflow_tasks");
        b.HasKey(t => t.Id);
        b.Property(t => t.StageKey).HasMaxLength(60);
        b.Property(t => t.ElementId).HasMaxLength(60);
        b.Property(t => t.Title).HasMaxLength(200);
        b.Property(t => t.Role).HasMaxLength(40);
        b.Property(t => t.Scope).HasConversion<string>().HasMaxLength(20);
        b.Property(t => t.TownshipCode).HasMaxLength(12);
        b.Property(t => t.DepartmentCode).HasMaxLength(40);
        b.Property(t => t.Status).HasConversion<string>().HasMaxLength(20);
        b.Property(t => t.Assignee).HasMaxLength(100);
        b.Property(t => t.CompletedBy).HasMaxLength(100);
        b.Property(t => t.Outcome).HasMaxLength(60);
        b.Property(t => t.Comment).HasMaxLength(2000);
        b.Property(t => t.Owner).HasMaxLength(100);
        b.Property(t => t.Delegation).HasConversion<string>().HasMaxLength(20);
        b.Property(t => t.HandoverNote).HasMaxLength(500);
        b.Property(t => t.InstanceKey).HasMaxLength(100);
        b.Property(t => t.Revision).IsConcurrencyToken();
        // The inbox query: open tasks of a township (or the county office) for a role.
        b.HasIndex(t => new { t.Status, t.TownshipCode, t.Role });
        // A department's inbox and the workflows it may read. Partial, so the other tasks never enter it and
        // creating or completing them pays nothing for it.
        b.HasIndex(t => new { t.DepartmentCode, t.Status }).HasFilter("department_code IS NOT NULL");
        // The paged inbox (ADR 0035): one ordered walk per kind of user, bounded by the page size. Partial on open
        // tasks, so completed ones (most of a million) never enter them; each column after the equalities is the sort.
        b.HasIndex(t => new { t.Scope, t.DueAt, t.Id }, "ix_workflow_tasks_open_scope_due").HasFilter(OpenTask);
        b.HasIndex(t => new { t.TownshipCode, t.Scope, t.DueAt, t.Id }, "ix_workflow_tasks_open_township_due").HasFilter(OpenTask);
        b.HasIndex(t => new { t.DepartmentCode, t.DueAt, t.Id }, "ix_workflow_tasks_open_department_due")
            .HasFilter(OpenTask + " AND department_code IS NOT NULL");
        b.HasIndex(t => new { t.Scope, t.CreatedAt, t.Id }, "ix_workflow_tasks_open_scope_created").HasFilter(OpenTask);
        // Which workflows a department may read (it has tasks in them), probed per workflow by the paged workflow list.
        // Department first: an index led by workflow_id would make EF drop the foreign key's own index on it, which
        // every read of a workflow's tasks needs (seen: a sequential scan of a million tasks for the workflow page).
        b.HasIndex(t => new { t.DepartmentCode, t.WorkflowId }, "ix_workflow_tasks_department_workflow").HasFilter("department_code IS NOT NULL");
    }

    private const string OpenTask = "status = 'Open'";
}

internal sealed class WorkflowTimerConfiguration : IEntityTypeConfiguration<WorkflowTimer>
{
    private const string PendingTimer = "fired_at IS NULL AND cancelled_at IS NULL";

    public void Configure(EntityTypeBuilder<WorkflowTimer> b)
    {
        b.ToTable("workflow_timers");
        b.HasKey(t => t.Id);
        b.Property(t => t.Kind).HasConversion<string>().HasMaxLength(20);
        b.Property(t => t.ElementId).HasMaxLength(80);
        b.Property(t => t.Revision).IsConcurrencyToken();
        // Every lookup of timers asks for pending ones (by due time, task or workflow); fired and cancelled timers
        // stay as history and outnumber them, so the indexes hold pending timers only, and cancelling or firing a
        // timer adds nothing to them. The due-time and workflow indexes also require their column to be non-null
        // (always true): a query on due_at or workflow_id implies that, but a completion's lookup by task does not,
        // so PostgreSQL cannot answer it by walking a whole pending index — which it did, on statistics that
        // believed few timers pending, when every pending index matched (docs/benchmarks.md, ADR 0014).
        b.HasIndex(t => t.DueAt).HasFilter(PendingTimer + " AND due_at IS NOT NULL");
        b.HasIndex(t => t.TaskId).HasFilter(PendingTimer);
        b.HasIndex(t => t.WorkflowId).HasFilter(PendingTimer + " AND workflow_id IS NOT NULL");
    }
}

internal sealed class IdempotencyRecordConfiguration : IEntityTypeConfiguration<IdempotencyRecord>
{
    public void Configure(EntityTypeBuilder<IdempotencyRecord> b)
    {
        b.ToTable("idempotency_records");
        b.HasKey(r => new { r.UserName, r.Key });
        b.Property(r => r.UserName).HasMaxLength(100);
        b.Property(r => r.Key).HasMaxLength(100);
        b.Property(r => r.Command).HasMaxLength(60);
        b.Property(r => r.RequestHash).HasMaxLength(44);
        b.Property(r => r.Result);
    }
}

internal sealed class WorkflowTokenConfiguration : IEntityTypeConfiguration<WorkflowToken>
{
    public void Configure(EntityTypeBuilder<WorkflowToken> b)
    {
        b.ToTable("workflow_tokens");
        b.HasKey(t => t.Id);
        b.Property(t => t.ElementId).HasMaxLength(80);
        b.Property(t => t.ArrivedBy).HasMaxLength(170);
        b.Property(t => t.State).HasConversion<string>().HasMaxLength(20);
    }
}

internal sealed class IncidentConfiguration : IEntityTypeConfiguration<Incident>
{
    public void Configure(EntityTypeBuilder<Incident> b)
    {
        b.ToTable("incidents");
        b.HasKey(i => i.Id);
        b.Property(i => i.ElementId).HasMaxLength(80);
        b.Property(i => i.Error).HasMaxLength(2000);
        b.Property(i => i.ResolvedBy).HasMaxLength(100);
        b.HasIndex(i => new { i.ResolvedAt, i.WorkflowId });
        b.HasIndex(i => new { i.CreatedAt, i.Id }, "ix_incidents_created_list");
    }
}

internal sealed class SubsidyInstalmentConfiguration : IEntityTypeConfiguration<SubsidyInstalment>
{
    public void Configure(EntityTypeBuilder<SubsidyInstalment> b)
    {
        b.ToTable("subsidy_instalments");
        b.HasKey(s => s.Id);
        b.Property(s => s.TownshipCode).HasMaxLength(12);
        b.Property(s => s.Amount).HasPrecision(14, 2);
        b.Property(s => s.Milestone).HasMaxLength(100);
        b.Property(s => s.VoucherNumber).HasMaxLength(50);
        b.Property(s => s.ConfirmedBy).HasMaxLength(100);
        b.Property(s => s.Revision).IsConcurrencyToken();
        b.HasIndex(s => new { s.WorkflowId, s.Instalment }).IsUnique();
        b.HasIndex(s => new { s.TownshipCode, s.DueOn });
    }
}

internal sealed class TaskCopyConfiguration : IEntityTypeConfiguration<TaskCopy>
{
    public void Configure(EntityTypeBuilder<TaskCopy> b)
    {
        b.ToTable("task_copies");
        b.HasKey(c => c.Id);
        b.Property(c => c.TownshipCode).HasMaxLength(12);
        b.Property(c => c.TownshipName).HasMaxLength(60);
        b.Property(c => c.TaskTitle).HasMaxLength(200);
        b.Property(c => c.UserName).HasMaxLength(100);
        b.Property(c => c.CopiedBy).HasMaxLength(100);
        b.Property(c => c.CopiedByName).HasMaxLength(100);
        b.Property(c => c.Comment).HasMaxLength(500);
        b.Property(c => c.Revision).IsConcurrencyToken();
        // One copy of a task per person: copying again to someone who has it adds nothing.
        b.HasIndex(c => new { c.TaskId, c.UserName }).IsUnique();
        // 抄送我的: a person's copies, newest first.
        b.HasIndex(c => new { c.UserName, c.CreatedAt });
    }
}
