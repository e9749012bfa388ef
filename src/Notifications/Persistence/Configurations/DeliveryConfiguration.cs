using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Shizhu.Notifications.Deliveries;
using Shizhu.Notifications.Preferences;

namespace Shizhu.Notifications.Persistence.Configurations;

internal sealed class DeliveryConfiguration : IEntityTypeConfiguration<Delivery>
{
    public void Configure(EntityTypeBuilder<Delivery> b)
    {
        b.ToTable("deliveries");
        b.HasKey(d => d.Id);
        b.Property(d => d.Channel).HasMaxLength(20);
        b.Property(d => d.Recipient).HasMaxLength(320);
        b.Property(d => d.UserName).HasMaxLength(256);
        b.Property(d => d.DisplayName).HasMaxLength(256);
        b.Property(d => d.Kind).HasConversion<string>().HasMaxLength(20);
        b.Property(d => d.Title).HasMaxLength(500);
        b.Property(d => d.Body).HasMaxLength(4000);
        b.Property(d => d.Status).HasConversion<string>().HasMaxLength(20);
        b.Property(d => d.HeldFor).HasMaxLength(20);
        b.Property(d => d.Error).HasMaxLength(2000);
        b.Property(d => d.ResentBy).HasMaxLength(256);
        b.Property(d => d.Version).IsConcurrencyToken();
        // Never twice to the same address for the same event on the same channel.
        b.HasIndex(d => new { d.EventId, d.Channel, d.Recipient }).IsUnique();
        // The sweep's question: what is due now.
        b.HasIndex(d => new { d.Status, d.NextAttemptAt });
        // The 投递记录 page's: newest first, by channel.
        b.HasIndex(d => new { d.Channel, d.CreatedAt });
        b.HasMany(d => d.AttemptLog).WithOne().HasForeignKey(a => a.DeliveryId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class DeliveryAttemptConfiguration : IEntityTypeConfiguration<DeliveryAttempt>
{
    public void Configure(EntityTypeBuilder<DeliveryAttempt> b)
    {
        b.ToTable("delivery_attempts");
        b.HasKey(a => a.Id);
        b.Property(a => a.Outcome).HasConversion<string>().HasMaxLength(20);
        b.Property(a => a.ProviderAnswer).HasMaxLength(2000);
        b.Property(a => a.Actor).HasMaxLength(256);
        b.HasIndex(a => a.DeliveryId);
    }
}

internal sealed class ChannelPreferenceConfiguration : IEntityTypeConfiguration<ChannelPreference>
{
    public void Configure(EntityTypeBuilder<ChannelPreference> b)
    {
        b.ToTable("channel_preferences");
        b.HasKey(p => new { p.UserName, p.Kind, p.Channel });
        b.Property(p => p.UserName).HasMaxLength(256);
        b.Property(p => p.Kind).HasConversion<string>().HasMaxLength(20);
        b.Property(p => p.Channel).HasMaxLength(20);
    }
}
