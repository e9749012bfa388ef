using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Shizhu.Workflows.Alerts;
using Shizhu.Workflows.Journal;
using Shizhu.Workflows.Outbox;

namespace Shizhu.Workflows.Persistence.Configurations;

internal sealed class JournalEntryConfiguration : IEntityTypeConfiguration<JournalEntry>
{
    public void Configure(EntityTypeBuilder<JournalEntry> b)
    {
        b.ToTable("journal");
        b.HasKey(j => j.Id);
        b.Property(j => j.Actor).HasMaxLength(100);
        // By name, so the column reads as the API does and a new member needs no migration.
        b.Property(j => j.Kind).HasConversion<string>().HasMaxLength(40);
        b.Property(j => j.Detail).HasMaxLength(2000);
        // JSON as text on both providers: written once, read whole; no per-row parsing on insert.
        b.Property(j => j.Change);
        b.HasIndex(j => new { j.WorkflowId, j.Id });
    }
}

internal sealed class TaskAlertConfiguration : IEntityTypeConfiguration<TaskAlert>
{
    public void Configure(EntityTypeBuilder<TaskAlert> b)
    {
        b.ToTable("task_alerts");
        b.HasKey(a => a.Id);
        b.Property(a => a.TownshipCode).HasMaxLength(12);
        b.Property(a => a.Kind).HasConversion<string>().HasMaxLength(20);
        b.Property(a => a.StageKey).HasMaxLength(60);
        b.Property(a => a.Resolution).HasConversion<string>().HasMaxLength(30);
        b.Ignore(a => a.Level);
        // One open alert per task and kind: a second firing of the same timer cannot add another, while a task whose
        // deadline was extended can be warned again for its new due time (the old alert is resolved, ADR 0037).
        b.HasIndex(a => new { a.TaskId, a.Kind }).IsUnique().HasFilter("resolved_at IS NULL");
        b.HasIndex(a => a.WorkflowId);
        // The paged alert list (ADR 0035), newest first: county-wide, and per township.
        b.HasIndex(a => new { a.RaisedAt, a.Id }, "ix_task_alerts_raised_list");
        b.HasIndex(a => new { a.TownshipCode, a.RaisedAt, a.Id }, "ix_task_alerts_township_raised_list");
        // The 预警 badge and the list's 未解除 filter walk open alerts only (ADR 0047): without these the capped count
        // would read past every resolved alert of a county's years before reaching an open one.
        b.HasIndex(a => new { a.RaisedAt, a.Id }, "ix_task_alerts_open_raised")
            .HasDatabaseName("ix_task_alerts_open_raised_at_id").HasFilter("resolved_at IS NULL");
        b.HasIndex(a => new { a.TownshipCode, a.RaisedAt, a.Id }, "ix_task_alerts_open_township_raised")
            .HasDatabaseName("ix_task_alerts_open_township_code_raised_at_id").HasFilter("resolved_at IS NULL");
    }
}

internal sealed class OutboxMessageConfiguration : IEntityTypeConfiguration<OutboxMessage>
{
    public void Configure(EntityTypeBuilder<OutboxMessage> b)
    {
        b.ToTable("outbox_messages");
        b.HasKey(m => m.Id);
        b.Property(m => m.Type).HasMaxLength(100);
        b.Property(m => m.LastError).HasMaxLength(2000);
        b.Property(m => m.TraceParent).HasMaxLength(55);
        b.HasIndex(m => m.EventId).IsUnique();
        b.HasIndex(m => new { m.PublishedAt, m.Id });
    }
}
