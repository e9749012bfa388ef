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

/// <summary>An evidence store that keeps nothing: the replay measures the engine's records, not file writes.</summary>
internal sealed class DiscardingEvidenceStore : Shizhu.Workflows.Evidence.IEvidenceStore
{
    public async Task SaveAsync(string storagePath, Stream content, CancellationToken ct) => await content.CopyToAsync(Stream.Null, ct);

    public Task<Stream?> OpenReadAsync(string storagePath, CancellationToken ct) => Task.FromResult<Stream?>(null);

    public Task DeleteAsync(string storagePath, CancellationToken ct) => Task.CompletedTask;
}
