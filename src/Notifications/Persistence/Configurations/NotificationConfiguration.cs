using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Shizhu.Notifications.InApp;

namespace Shizhu.Notifications.Persistence.Configurations;

internal sealed class NotificationConfiguration : IEntityTypeConfiguration<Notification>
{
    public void Configure(EntityTypeBuilder<Notification> b)
    {
        b.ToTable("notifications");
        b.HasKey(n => n.Id);
        b.Property(n => n.AudienceRole).HasMaxLength(40);
        b.Property(n => n.AudienceTownshipCode).HasMaxLength(12);
        b.Property(n => n.AudienceDepartmentCode).HasMaxLength(40);
        b.Property(n => n.AudienceUserName).HasMaxLength(100);
        b.Property(n => n.Title).HasMaxLength(300);
        b.Property(n => n.Body).HasMaxLength(2000);
        // The paged list (ADR 0035): one audience newest first, a walk bounded by the page size; the query reads each of
        // a person's audiences this way and merges them. Partial per kind of audience, because PostgreSQL orders an
        // index walk only after equalities: "township IS NULL" on an index column would leave it sorting every row.
        b.HasIndex(n => new { n.AudienceRole, n.At, n.EventId }, "ix_notifications_county_list")
            .HasFilter("audience_township_code IS NULL AND audience_department_code IS NULL");
        b.HasIndex(n => new { n.AudienceRole, n.AudienceTownshipCode, n.At, n.EventId }, "ix_notifications_township_list")
            .HasFilter("audience_township_code IS NOT NULL");
        b.HasIndex(n => new { n.AudienceRole, n.AudienceDepartmentCode, n.At, n.EventId }, "ix_notifications_department_list")
            .HasFilter("audience_department_code IS NOT NULL");
        // 已读 for one workflow's group.
        b.HasIndex(n => n.WorkflowId);
        b.HasIndex(n => n.EventId);
    }
}
