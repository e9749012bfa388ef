namespace Shizhu.Workflows.Evidence;

/// <summary>
/// Where evidence bytes are kept (the Host: a folder outside the web root). Paths are relative and chosen by the
/// engine from ids only, so no user input ever becomes part of a path.
/// </summary>
public interface IEvidenceStore
{
    /// <summary>Writes <paramref name="content"/> to a new file at <paramref name="storagePath"/>; never overwrites.</summary>
    Task SaveAsync(string storagePath, Stream content, CancellationToken ct);

    /// <summary>Opens a stored file for reading (seekable), or answers null if it is not there.</summary>
    Task<Stream?> OpenReadAsync(string storagePath, CancellationToken ct);

    /// <summary>Removes a stored file; a missing file is not an error.</summary>
    Task DeleteAsync(string storagePath, CancellationToken ct);
}
