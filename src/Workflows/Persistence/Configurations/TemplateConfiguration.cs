using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Shizhu.Workflows.Templates;

namespace Shizhu.Workflows.Persistence.Configurations;

internal sealed class StageTemplateConfiguration : IEntityTypeConfiguration<StageTemplate>
{
    public void Configure(EntityTypeBuilder<StageTemplate> b)
    {
        b.ToTable("stage_templates");
        b.HasKey(t => new { t.Key, t.Version });
        b.Property(t => t.Key).HasMaxLength(60);
        b.Property(t => t.Name).HasMaxLength(100);
        b.Property(t => t.Track).HasMaxLength(20);
        b.Property(t => t.Status).HasConversion<string>().HasMaxLength(20);
        b.Property(t => t.CreatedBy).HasMaxLength(100);
    }
}
