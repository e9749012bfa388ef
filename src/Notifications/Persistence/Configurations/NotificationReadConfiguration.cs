using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Shizhu.Notifications.InApp;

namespace Shizhu.Notifications.Persistence.Configurations;

internal sealed class NotificationReadConfiguration : IEntityTypeConfiguration<NotificationRead>
{
    public void Configure(EntityTypeBuilder<NotificationRead> b)
    {
        b.ToTable("notification_reads");
        b.HasKey(r => new { r.NotificationId, r.UserName });
        b.Property(r => r.UserName).HasMaxLength(100);
        b.HasOne<Notification>().WithMany().HasForeignKey(r => r.NotificationId).OnDelete(DeleteBehavior.Cascade);
        // "Has this person read this event?" looks reads up by person.
        b.HasIndex(r => r.UserName);
    }
}
