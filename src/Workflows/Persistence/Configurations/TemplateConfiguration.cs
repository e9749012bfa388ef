using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Shizhu.Workflows.Templates;

namespace Shizhu.Workflows.Persistence.Configurations;

internal sealed class TemplateVersionConfiguration : IEntityTypeConfiguration<TemplateVersion>
{
    public void Configure(EntityTypeBuilder<TemplateVersion> b)
    {
        b.ToTable("template_versions");
        b.HasKey(t => new { t.Key, t.Version });
        b.Property(t => t.Key).HasMaxLength(60);
        b.Property(t => t.Name).HasMaxLength(100);
        b.Property(t => t.Track).HasMaxLength(20);
        b.Property(t => t.Status).HasConversion<string>().HasMaxLength(20);
        b.Property(t => t.CreatedBy).HasMaxLength(100);
        b.Property(t => t.CreatedByName).HasMaxLength(100);
        b.Property(t => t.PublishedBy).HasMaxLength(100);
        b.Property(t => t.PublishedByName).HasMaxLength(100);
    }
}
