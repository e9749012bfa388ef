using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Shizhu.Workflows.Supervision;

/// <summary>
/// The daily digest (每日提醒) sent to one user for one China day. The primary key (user, day) is what makes the digest
/// go out once per day across replicas: the replica whose insert commits sends it, any other meets the key and skips.
/// </summary>
public sealed class DigestRun
{
    public required string UserName { get; init; }
    public required DateOnly Day { get; init; }
    public required DateTimeOffset SentAt { get; init; }
    public int DueSoon { get; init; }
    public int Overdue { get; init; }
}

internal sealed class DigestRunConfiguration : IEntityTypeConfiguration<DigestRun>
{
    public void Configure(EntityTypeBuilder<DigestRun> b)
    {
        b.ToTable("digest_runs");
        b.HasKey(d => new { d.UserName, d.Day });
        b.Property(d => d.UserName).HasMaxLength(100);
    }
}
