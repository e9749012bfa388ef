using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Shizhu.Workflows.Plans;
using Shizhu.Workflows.ReferenceData;

namespace Shizhu.Workflows.Persistence.Configurations;

internal sealed class TownshipConfiguration : IEntityTypeConfiguration<Township>
{
    public void Configure(EntityTypeBuilder<Township> b)
    {
        b.HasKey(t => t.Code);
        b.Property(t => t.Code).HasMaxLength(12);
        b.Property(t => t.Name).HasMaxLength(50);
        b.Property(t => t.Kind).HasMaxLength(20);
    }
}

internal sealed class DepartmentConfiguration : IEntityTypeConfiguration<Department>
{
    public void Configure(EntityTypeBuilder<Department> b)
    {
        b.HasKey(d => d.Code);
        b.Property(d => d.Code).HasMaxLength(40);
        b.Property(d => d.Name).HasMaxLength(50);
    }
}

internal sealed class StatutoryDayConfiguration : IEntityTypeConfiguration<StatutoryDay>
{
    public void Configure(EntityTypeBuilder<StatutoryDay> b)
    {
        b.HasKey(d => d.Date);
        b.Property(d => d.Kind).HasConversion<string>().HasMaxLength(20);
        b.Property(d => d.Name).HasMaxLength(50);
    }
}

internal sealed class PlanEntryConfiguration : IEntityTypeConfiguration<PlanEntry>
{
    public void Configure(EntityTypeBuilder<PlanEntry> b)
    {
        b.HasKey(p => new { p.TownshipCode, p.Track });
        b.Property(p => p.Track).HasMaxLength(20);
        b.Property(p => p.Goal).HasMaxLength(20).HasDefaultValue(Goals.Named);
    }
}

internal sealed class SeedMarkConfiguration : IEntityTypeConfiguration<SeedMark>
{
    public void Configure(EntityTypeBuilder<SeedMark> b)
    {
        b.HasKey(m => m.Key);
        b.Property(m => m.Key).HasMaxLength(40);
        b.Property(m => m.Fingerprint).HasMaxLength(64);
    }
}
