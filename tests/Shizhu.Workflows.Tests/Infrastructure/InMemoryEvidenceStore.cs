using System.Collections.Concurrent;
using Shizhu.Workflows.Evidence;

namespace Shizhu.Workflows.Tests.Infrastructure;

/// <summary>Stands for the Host's folder store: keeps evidence bytes in memory, by storage path.</summary>
public sealed class InMemoryEvidenceStore : IEvidenceStore
{
    private readonly ConcurrentDictionary<string, byte[]> _files = new(StringComparer.Ordinal);

    public IReadOnlyDictionary<string, byte[]> Files => _files;

    public async Task SaveAsync(string storagePath, Stream content, CancellationToken ct)
    {
        using var buffer = new MemoryStream();
        await content.CopyToAsync(buffer, ct);
        if (!_files.TryAdd(storagePath, buffer.ToArray())) throw new IOException($"{storagePath} exists already.");
    }

    public Task<Stream?> OpenReadAsync(string storagePath, CancellationToken ct) =>
        Task.FromResult<Stream?>(_files.TryGetValue(storagePath, out var bytes) ? new MemoryStream(bytes, writable: false) : null);

    public Task DeleteAsync(string storagePath, CancellationToken ct)
    {
        _files.TryRemove(storagePath, out _);
        return Task.CompletedTask;
    }
}
