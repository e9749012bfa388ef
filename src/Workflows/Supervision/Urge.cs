using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Shizhu.Workflows.Supervision;

/// <summary>
/// One 催办: of a task (<see cref="TaskId"/> set) or of a township's work as a whole (null). Kept for the minimum gap,
/// the count per township that bulletins and the cockpit read, and the journal's row says the same in the workflow.
/// </summary>
public sealed class Urge
{
    public required Guid Id { get; init; }
    public required string TownshipCode { get; init; }
    public Guid? WorkflowId { get; init; }
    public Guid? TaskId { get; init; }
    public required string Message { get; init; }
    public required string UrgedBy { get; init; }
    public string? UrgedByName { get; init; }
    public required DateTimeOffset UrgedAt { get; init; }
}

internal sealed class UrgeConfiguration : IEntityTypeConfiguration<Urge>
{
    public void Configure(EntityTypeBuilder<Urge> b)
    {
        b.ToTable("urges");
        b.HasKey(u => u.Id);
        b.Property(u => u.TownshipCode).HasMaxLength(12);
        b.Property(u => u.Message).HasMaxLength(Urging.MaxMessageLength);
        b.Property(u => u.UrgedBy).HasMaxLength(100);
        b.Property(u => u.UrgedByName).HasMaxLength(100);
        // The gap check reads the latest urge of a task or of a township; the counts read a township's urges by time.
        b.HasIndex(u => new { u.TaskId, u.UrgedAt });
        b.HasIndex(u => new { u.TownshipCode, u.UrgedAt });
    }
}
