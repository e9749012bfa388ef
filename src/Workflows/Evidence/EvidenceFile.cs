namespace Shizhu.Workflows.Evidence;

/// <summary>
/// A file that proves an indicator is met (佐证材料), attached to a task. The bytes live in an
/// <see cref="IEvidenceStore"/> under <see cref="StoragePath"/>, named by <see cref="Id"/> and never by the
/// uploader's file name; <see cref="ContentType"/> comes from the content, not from what the client said.
/// </summary>
public sealed class EvidenceFile
{
    public required Guid Id { get; init; }
    public required Guid TaskId { get; init; }
    public required Guid WorkflowId { get; init; }
    public required string TownshipCode { get; init; }
    /// <summary>Which requirement of the task the file answers (a key such as <c>work-plan-document</c>).</summary>
    public required string Requirement { get; init; }
    /// <summary>The uploader's file name, sanitised, for display and download only.</summary>
    public required string FileName { get; init; }
    public required string ContentType { get; init; }
    public required long Size { get; init; }
    /// <summary>SHA-256 of the content, lower-case hex, computed while the upload streamed.</summary>
    public required string Sha256 { get; init; }
    /// <summary>Where the store keeps the bytes, relative to its root.</summary>
    public required string StoragePath { get; init; }
    public required string UploadedBy { get; init; }
    public required DateTimeOffset UploadedAt { get; init; }
}
