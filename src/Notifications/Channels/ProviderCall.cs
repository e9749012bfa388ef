using System.Net;
using System.Text.Json;
using Shizhu.Notifications.Sending;

namespace Shizhu.Notifications.Outbound;

/// <summary>
/// One HTTP exchange with a provider, reduced to what the senders classify: the JSON answer, or a failure already
/// classified. Transport trouble (no connection, timeout, 5xx, 429) is transient: the provider may answer later;
/// any other non-success status or an answer that is not JSON is permanent: sending the same request again
/// cannot change it.
/// </summary>
internal static class ProviderCall
{
    public static async Task<ProviderReply> SendAsync(HttpClient http, HttpRequestMessage request, CancellationToken ct)
    {
        HttpResponseMessage response;
        try
        {
            response = await http.SendAsync(request, ct);
        }
        catch (HttpRequestException ex)
        {
            return ProviderReply.Failed(SendResult.Transient($"network: {ex.Message}"));
        }
        catch (TaskCanceledException) when (!ct.IsCancellationRequested)
        {
            // HttpClient reports its own timeout as a cancellation that the caller did not ask for.
            return ProviderReply.Failed(SendResult.Transient($"timeout after {http.Timeout.TotalSeconds:0} s"));
        }

        using (response)
        {
            var raw = await response.Content.ReadAsStringAsync(ct);
            var status = (int)response.StatusCode;
            if (response.StatusCode == HttpStatusCode.TooManyRequests || status >= 500)
                return ProviderReply.Failed(SendResult.Transient($"HTTP {status}: {Shorten(raw)}", RetryAfter(response)));
            try
            {
                using var document = JsonDocument.Parse(raw);
                // Some providers (Alibaba Cloud) answer their own errors with 4xx and a JSON code: the caller classifies it.
                return new ProviderReply(document.RootElement.Clone(),
                    response.IsSuccessStatusCode ? null : SendResult.Permanent($"HTTP {status}: {Shorten(raw)}"));
            }
            catch (JsonException)
            {
                return ProviderReply.Failed(SendResult.Permanent($"HTTP {status}, not JSON: {Shorten(raw)}"));
            }
        }
    }

    // Chinese providers answer rate limits in the body (errcode); a proxy's Retry-After in seconds is honoured too.
    static TimeSpan? RetryAfter(HttpResponseMessage response) => response.Headers.RetryAfter?.Delta;

    /// <summary>Keeps the delivery log's provider answer readable when a proxy answers with a whole HTML page.</summary>
    public static string Shorten(string raw) => raw.Length <= 500 ? raw : raw[..500] + "…";
}

/// <summary>A provider's JSON answer, or the classified failure that stopped it.</summary>
internal readonly record struct ProviderReply(JsonElement Json, SendResult? Failure)
{
    public static ProviderReply Failed(SendResult failure) => new(default, failure);

    public int IntOr(string property, int fallback) =>
        Json.ValueKind == JsonValueKind.Object && Json.TryGetProperty(property, out var value) && value.TryGetInt32(out var number) ? number : fallback;

    public string? String(string property) =>
        Json.ValueKind == JsonValueKind.Object && Json.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    public string Raw => Json.ValueKind == JsonValueKind.Undefined ? "" : ProviderCall.Shorten(Json.GetRawText());
}
