namespace Shizhu.Workflows.Evidence;

/// <summary>An evidence file as the API shows it (never its storage path).</summary>
public sealed record EvidenceView(
    Guid Id, string FileName, string ContentType, long Size, string Sha256, string Requirement, string UploadedBy, DateTimeOffset UploadedAt)
{
    public static EvidenceView From(EvidenceFile e) =>
        new(e.Id, e.FileName, e.ContentType, e.Size, e.Sha256, e.Requirement, e.UploadedBy, e.UploadedAt);
}
