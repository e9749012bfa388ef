using Shizhu.Notifications.Sending;

namespace Shizhu.Notifications.Outbound;

/// <summary>
/// One provider access token (WeCom's or DingTalk's <c>gettoken</c>), kept until shortly before it expires and shared
/// by concurrent sends: both providers limit how often a token may be fetched, and each fetch invalidates nothing,
/// so one fetch at a time serves everyone waiting.
/// </summary>
public class AccessTokenCache(TimeProvider clock)
{
    /// <summary>Refresh this long before the provider's expiry so a token never dies in flight.</summary>
    public static readonly TimeSpan RefreshMargin = TimeSpan.FromMinutes(5);

    readonly SemaphoreSlim gate = new(1, 1);
    // One reference, swapped whole, so a send outside the gate never sees a token with another token's expiry.
    Entry? entry;

    sealed record Entry(string Token, DateTimeOffset RefreshAt);

    /// <summary>The cached token, or a fresh one from <paramref name="fetch"/>; a failed fetch is returned as its classified result.</summary>
    public async Task<TokenOrFailure> GetAsync(Func<CancellationToken, Task<TokenOrFailure>> fetch, CancellationToken ct)
    {
        if (Current() is { } cached)
            return TokenOrFailure.Of(cached);

        await gate.WaitAsync(ct);
        try
        {
            // Someone else may have fetched while this send waited at the gate.
            if (Current() is { } fetchedMeanwhile)
                return TokenOrFailure.Of(fetchedMeanwhile);
            var fetched = await fetch(ct);
            if (fetched.Token is { } fresh)
            {
                var lifetime = fetched.ExpiresIn;
                // A short-lived token (tests, or a provider change) keeps a tenth of its life as the margin instead.
                var margin = lifetime > RefreshMargin * 2 ? RefreshMargin : lifetime / 10;
                Volatile.Write(ref entry, new Entry(fresh, clock.GetUtcNow() + lifetime - margin));
            }
            return fetched;
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>
    /// Sends with the cached token; when the provider rejects the token (invalid or expired), fetches one fresh token and
    /// sends once more. A second refusal is the answer: a loop here would hammer a provider whose secret was revoked.
    /// </summary>
    public async Task<SendResult> SendAsync(
        Func<CancellationToken, Task<TokenOrFailure>> fetch,
        Func<string, CancellationToken, Task<(bool TokenRejected, SendResult Result)>> send,
        CancellationToken ct)
    {
        var first = await GetAsync(fetch, ct);
        if (first.Failure is { } fetchFailed)
            return fetchFailed;
        var (rejected, result) = await send(first.Token!, ct);
        if (!rejected)
            return result;

        Invalidate(first.Token!);
        var second = await GetAsync(fetch, ct);
        if (second.Failure is { } refetchFailed)
            return refetchFailed;
        return (await send(second.Token!, ct)).Result;
    }

    /// <summary>
    /// Forgets <paramref name="rejected"/> after the provider called it invalid or expired (WeCom 40014/42001). Only that
    /// token: when several sends are refused together, the first to get here fetches a new one and the rest reuse it.
    /// </summary>
    public void Invalidate(string rejected)
    {
        var current = Volatile.Read(ref entry);
        if (current?.Token == rejected)
            Interlocked.CompareExchange(ref entry, null, current);
    }

    string? Current() => Volatile.Read(ref entry) is { } e && clock.GetUtcNow() < e.RefreshAt ? e.Token : null;
}

/// <summary>A fetched token with its lifetime, or the classified failure of the fetch.</summary>
public sealed record TokenOrFailure(string? Token, TimeSpan ExpiresIn, SendResult? Failure)
{
    public static TokenOrFailure Of(string token) => new(token, TimeSpan.Zero, null);
    public static TokenOrFailure Fresh(string token, TimeSpan expiresIn) => new(token, expiresIn, null);
    public static TokenOrFailure Failed(SendResult failure) => new(null, TimeSpan.Zero, failure);
}
