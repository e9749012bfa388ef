namespace Shizhu.Workflows.Evidence;

/// <summary>Attach a file to a task as evidence for one of its requirements; the content comes as a stream beside it.</summary>
public sealed record UploadEvidence(string? Requirement, string? FileName);
