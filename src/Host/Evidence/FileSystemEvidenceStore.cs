using Shizhu.Workflows.Evidence;

namespace Shizhu.Host.Evidence;

/// <summary>
/// Keeps evidence files in a folder outside the web root (<c>Evidence:RootPath</c>), so no static-file route can
/// ever serve one: they leave only through the evidence API, which checks the township. Files are named by the
/// engine's ids, written once (never overwritten), readable by the service account only, and flushed to disk
/// before the database row that points at them is committed.
/// </summary>
public sealed class FileSystemEvidenceStore(string root, ILogger<FileSystemEvidenceStore> logger) : IEvidenceStore
{
    private readonly string _root = Path.TrimEndingDirectorySeparator(Path.GetFullPath(root));

    public async Task SaveAsync(string storagePath, Stream content, CancellationToken ct)
    {
        var path = Resolve(storagePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var fileOptions = new FileStreamOptions
        {
            Mode = FileMode.CreateNew, Access = FileAccess.Write, Share = FileShare.None,
            Options = FileOptions.Asynchronous, BufferSize = 81920,
        };
        if (!OperatingSystem.IsWindows()) fileOptions.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        var file = new FileStream(path, fileOptions);
        try
        {
            await using (file)
            {
                await content.CopyToAsync(file, ct);
                await file.FlushAsync(ct);
                file.Flush(flushToDisk: true);
            }
        }
        catch
        {
            // Ours (CreateNew succeeded), so ours to remove: no half-written file stays behind.
            File.Delete(path);
            throw;
        }
        logger.LogDebug("Stored evidence file {StoragePath}", storagePath);
    }

    public Task<Stream?> OpenReadAsync(string storagePath, CancellationToken ct)
    {
        var path = Resolve(storagePath);
        if (!File.Exists(path))
        {
            logger.LogWarning("Evidence file {StoragePath} is missing from {EvidenceRoot}", storagePath, _root);
            return Task.FromResult<Stream?>(null);
        }
        return Task.FromResult<Stream?>(new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 81920,
            FileOptions.Asynchronous | FileOptions.SequentialScan));
    }

    public Task DeleteAsync(string storagePath, CancellationToken ct)
    {
        File.Delete(Resolve(storagePath));
        return Task.CompletedTask;
    }

    /// <summary>The absolute path of a stored file; refuses anything that would leave the root.</summary>
    private string Resolve(string storagePath)
    {
        var path = Path.GetFullPath(Path.Combine(_root, storagePath));
        return path.StartsWith(_root + Path.DirectorySeparatorChar, StringComparison.Ordinal)
            ? path
            : throw new InvalidOperationException($"Evidence path {storagePath} leaves the evidence folder.");
    }

    /// <summary>
    /// Resolves <paramref name="rootPath"/> (relative: from the working directory), refuses a folder inside the web
    /// root, and creates it; at start-up, so a wrong setting stops the Host instead of failing the first upload.
    /// </summary>
    public static string PrepareRoot(string rootPath, IHostEnvironment environment)
    {
        var root = Path.TrimEndingDirectorySeparator(Path.GetFullPath(rootPath));
        string?[] webRoots = [(environment as IWebHostEnvironment)?.WebRootPath, Path.Combine(environment.ContentRootPath, "wwwroot")];
        foreach (var webRoot in webRoots.Where(w => !string.IsNullOrEmpty(w)).Select(w => Path.TrimEndingDirectorySeparator(Path.GetFullPath(w!))))
            if (root == webRoot || root.StartsWith(webRoot + Path.DirectorySeparatorChar, StringComparison.Ordinal))
                throw new InvalidOperationException($"Evidence:RootPath ({root}) must lie outside the web root ({webRoot}).");
        Directory.CreateDirectory(root);
        return root;
    }
}
