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
        // The inbox query: what a role sees, in its township or county-wide.
        b.HasIndex(n => new { n.AudienceRole, n.AudienceTownshipCode });
        b.HasIndex(n => n.EventId);
    }
}
