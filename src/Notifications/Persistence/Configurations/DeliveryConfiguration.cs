using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Shizhu.Notifications.Deliveries;

namespace Shizhu.Notifications.Persistence.Configurations;

internal sealed class DeliveryConfiguration : IEntityTypeConfiguration<Delivery>
{
    public void Configure(EntityTypeBuilder<Delivery> b)
    {
        b.ToTable("deliveries");
        b.HasKey(d => d.Id);
        b.Property(d => d.Channel).HasMaxLength(20);
        b.Property(d => d.Recipient).HasMaxLength(320);
        b.Property(d => d.Status).HasConversion<string>().HasMaxLength(20);
        b.Property(d => d.Error).HasMaxLength(2000);
        // Never twice to the same address for the same event on the same channel.
        b.HasIndex(d => new { d.EventId, d.Channel, d.Recipient }).IsUnique();
    }
}
