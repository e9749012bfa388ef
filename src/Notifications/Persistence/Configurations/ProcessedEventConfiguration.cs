using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Shizhu.Notifications.Idempotency;

namespace Shizhu.Notifications.Persistence.Configurations;

internal sealed class ProcessedEventConfiguration : IEntityTypeConfiguration<ProcessedEvent>
{
    public void Configure(EntityTypeBuilder<ProcessedEvent> b)
    {
        b.ToTable("processed_events");
        // The key is the idempotency guarantee: a second insert for the same consumer and event fails.
        b.HasKey(p => new { p.Consumer, p.EventId });
        b.Property(p => p.Consumer).HasMaxLength(60);
    }
}
