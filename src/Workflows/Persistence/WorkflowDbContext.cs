using Microsoft.EntityFrameworkCore;
using Shizhu.Workflows.Alerts;
using Shizhu.Workflows.Evidence;
using Shizhu.Workflows.Journal;
using Shizhu.Workflows.Outbox;
using Shizhu.Workflows.Plans;
using Shizhu.Workflows.ReferenceData;
using Shizhu.Workflows.Runtime.Model;
using Shizhu.Workflows.Targets;
using Shizhu.Workflows.Templates;

namespace Shizhu.Workflows.Persistence;

/// <summary>
/// The engine's tables. Abstract because each provider has its own subclass and its own migrations
/// (<see cref="Sqlite.SqliteWorkflowDbContext"/>, <see cref="Postgres.PostgresWorkflowDbContext"/>).
/// </summary>
public abstract class WorkflowDbContext(DbContextOptions options) : DbContext(options)
{
    public DbSet<Township> Townships => Set<Township>();
    public DbSet<Department> Departments => Set<Department>();
    public DbSet<StatutoryDay> StatutoryDays => Set<StatutoryDay>();
    public DbSet<SeedMark> SeedMarks => Set<SeedMark>();
    public DbSet<PlanEntry> PlanEntries => Set<PlanEntry>();
    public DbSet<TemplateVersion> Templates => Set<TemplateVersion>();
    public DbSet<WorkflowInstance> Workflows => Set<WorkflowInstance>();
    public DbSet<WorkflowStage> Stages => Set<WorkflowStage>();
    public DbSet<WorkflowTask> Tasks => Set<WorkflowTask>();
    public DbSet<WorkflowTimer> Timers => Set<WorkflowTimer>();
    public DbSet<WorkflowToken> Tokens => Set<WorkflowToken>();
    public DbSet<Incident> Incidents => Set<Incident>();
    public DbSet<SubsidyInstalment> SubsidyInstalments => Set<SubsidyInstalment>();
    public DbSet<HeldTitle> HeldTitles => Set<HeldTitle>();
    public DbSet<HeldTitleChange> HeldTitleChanges => Set<HeldTitleChange>();
    public DbSet<PlanTarget> PlanTargets => Set<PlanTarget>();
    public DbSet<JournalEntry> Journal => Set<JournalEntry>();
    public DbSet<TaskAlert> Alerts => Set<TaskAlert>();
    public DbSet<OutboxMessage> Outbox => Set<OutboxMessage>();
    public DbSet<IdempotencyRecord> IdempotencyRecords => Set<IdempotencyRecord>();
    public DbSet<EvidenceFile> EvidenceFiles => Set<EvidenceFile>();
    public DbSet<TaskCopy> TaskCopies => Set<TaskCopy>();
    public DbSet<global::Shizhu.Workflows.Bulletins.Bulletin> Bulletins => Set<global::Shizhu.Workflows.Bulletins.Bulletin>();

    /// <summary>True on PostgreSQL, where the relay can lock outbox rows with SKIP LOCKED.</summary>
    public abstract bool SupportsRowLocking { get; }

    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(WorkflowDbContext).Assembly);
}
