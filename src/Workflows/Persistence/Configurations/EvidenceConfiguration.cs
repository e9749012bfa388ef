using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Shizhu.Workflows.Evidence;
using Shizhu.Workflows.Runtime.Model;

namespace Shizhu.Workflows.Persistence.Configurations;

internal sealed class EvidenceFileConfiguration : IEntityTypeConfiguration<EvidenceFile>
{
    public void Configure(EntityTypeBuilder<EvidenceFile> b)
    {
        b.ToTable("evidence_files");
        b.HasKey(e => e.Id);
        b.Property(e => e.TownshipCode).HasMaxLength(12);
        b.Property(e => e.Requirement).HasMaxLength(60);
        b.Property(e => e.FileName).HasMaxLength(200);
        b.Property(e => e.ContentType).HasMaxLength(100);
        b.Property(e => e.Sha256).HasMaxLength(64).IsFixedLength();
        b.Property(e => e.StoragePath).HasMaxLength(300);
        b.Property(e => e.UploadedBy).HasMaxLength(100);
        b.HasOne<WorkflowTask>().WithMany().HasForeignKey(e => e.TaskId).OnDelete(DeleteBehavior.Restrict);
        // A task's evidence list, and a workflow's (its archive of materials).
        b.HasIndex(e => new { e.TaskId, e.UploadedAt });
        b.HasIndex(e => e.WorkflowId);
    }
}
