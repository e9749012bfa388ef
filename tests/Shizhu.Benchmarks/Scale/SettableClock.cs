namespace Shizhu.Benchmarks.Scale;

/// <summary>Simulated time that stands still until the replay moves it (never backwards), as the Host's demo clock is moved.</summary>
internal sealed class SettableClock(DateTimeOffset start) : TimeProvider
{
    private long _ticks = start.UtcTicks;

    public override DateTimeOffset GetUtcNow() => new(Interlocked.Read(ref _ticks), TimeSpan.Zero);

    public void MoveTo(DateTimeOffset at)
    {
        if (at.UtcTicks > Interlocked.Read(ref _ticks)) Interlocked.Exchange(ref _ticks, at.UtcTicks);
    }
}

/// <summary>Evidence kept in memory (the uploader reads each file back): the replay measures the engine's records, not disks.</summary>
internal sealed class DiscardingEvidenceStore : Shizhu.Workflows.Evidence.IEvidenceStore
{
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, byte[]> _files = new();

    public async Task SaveAsync(string storagePath, Stream content, CancellationToken ct)
    {
        using var copy = new MemoryStream();
        await content.CopyToAsync(copy, ct);
        _files[storagePath] = copy.ToArray();
    }

    public Task<Stream?> OpenReadAsync(string storagePath, CancellationToken ct) =>
        Task.FromResult<Stream?>(_files.TryGetValue(storagePath, out var bytes) ? new MemoryStream(bytes, writable: false) : null);

    public Task DeleteAsync(string storagePath, CancellationToken ct)
    {
        _files.TryRemove(storagePath, out _);
        return Task.CompletedTask;
    }
}
