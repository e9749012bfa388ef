using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Shizhu.Workflows.Targets;

namespace Shizhu.Workflows.Persistence.Configurations;

internal sealed class HeldTitleConfiguration : IEntityTypeConfiguration<HeldTitle>
{
    public void Configure(EntityTypeBuilder<HeldTitle> b)
    {
        b.ToTable("held_titles");
        b.HasKey(t => t.Id);
        b.Property(t => t.TownshipCode).HasMaxLength(12);
        b.Property(t => t.Title).HasMaxLength(20);
        b.Property(t => t.DocumentNumber).HasMaxLength(100);
        b.Property(t => t.RecordedBy).HasMaxLength(100);
        b.Property(t => t.RevokedBy).HasMaxLength(100);
        b.Property(t => t.RevocationReason).HasMaxLength(500);
        b.Property(t => t.Revision).IsConcurrencyToken();
        b.HasIndex(t => new { t.TownshipCode, t.Title });
    }
}

internal sealed class HeldTitleChangeConfiguration : IEntityTypeConfiguration<HeldTitleChange>
{
    public void Configure(EntityTypeBuilder<HeldTitleChange> b)
    {
        b.ToTable("held_title_changes");
        b.HasKey(c => c.Id);
        b.Property(c => c.Actor).HasMaxLength(100);
        b.Property(c => c.Kind).HasMaxLength(20);
        b.Property(c => c.Reason).HasMaxLength(500);
        b.HasIndex(c => new { c.TitleId, c.At });
    }
}

internal sealed class PlanTargetConfiguration : IEntityTypeConfiguration<PlanTarget>
{
    public void Configure(EntityTypeBuilder<PlanTarget> b)
    {
        b.ToTable("plan_targets");
        b.HasKey(t => t.Key);
        b.Property(t => t.Key).HasMaxLength(50);
        b.Property(t => t.Name).HasMaxLength(100);
        b.Property(t => t.Kind).HasMaxLength(20);
        b.Property(t => t.Title).HasMaxLength(20);
        b.Property(t => t.Value).HasPrecision(8, 4);
        b.Property(t => t.Source).HasMaxLength(1000);
    }
}
