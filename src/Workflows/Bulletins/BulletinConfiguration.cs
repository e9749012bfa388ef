using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Shizhu.Workflows.Bulletins;

internal sealed class BulletinConfiguration : IEntityTypeConfiguration<Bulletin>
{
    public void Configure(EntityTypeBuilder<Bulletin> b)
    {
        b.ToTable("bulletins");
        b.HasKey(x => x.Id);
        b.Property(x => x.Status).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.Title).HasMaxLength(200);
        b.Property(x => x.Foreword).HasMaxLength(BulletinText.MaxLength);
        b.Property(x => x.Conclusions).HasMaxLength(BulletinText.MaxLength);
        b.Property(x => x.Number).HasMaxLength(100);
        b.Property(x => x.CreatedBy).HasMaxLength(100);
        b.Property(x => x.EditedBy).HasMaxLength(100);
        b.Property(x => x.ApprovedBy).HasMaxLength(100);
        b.Property(x => x.PublishedBy).HasMaxLength(100);
        b.Property(x => x.Revision).IsConcurrencyToken();
        // The guard behind the numbering: two publications can never take the same number of a year (NULLs, drafts, are distinct).
        b.HasIndex(x => new { x.NumberYear, x.Sequence }).IsUnique();
        b.HasIndex(x => new { x.PeriodYear, x.PeriodMonth });
    }
}
