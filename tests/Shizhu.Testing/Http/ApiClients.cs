using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Xunit;

namespace Shizhu.Testing.Http;

/// <summary>How a test talks to the Host's API as a client would: bearer sign-in, idempotent requests, problem documents.</summary>
public static class ApiClients
{
    /// <summary>A client of <paramref name="baseAddress"/> carrying the bearer token <c>/api/auth/login</c> gives the user.</summary>
    public static async Task<HttpClient> SignInAsync(Uri baseAddress, string userName, string password)
    {
        var client = new HttpClient { BaseAddress = baseAddress };
        using var response = await client.PostAsJsonAsync("/api/auth/login", new { userName, password });
        Assert.True(response.IsSuccessStatusCode, $"Signing in {userName} answered {(int)response.StatusCode}");
        var token = await response.ReadJsonAsync();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token.Str("accessToken"));
        return client;
    }

    /// <summary>Sends a JSON <c>POST</c> with an <c>Idempotency-Key</c> header (ADR 0008).</summary>
    public static Task<HttpResponseMessage> PostIdempotentAsync(this HttpClient client, string url, object body, string idempotencyKey)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = JsonContent.Create(body) };
        request.WithIdempotencyKey(idempotencyKey);
        return client.SendAsync(request);
    }

    public static HttpRequestMessage WithIdempotencyKey(this HttpRequestMessage request, string key)
    {
        request.Headers.Add("Idempotency-Key", key);
        return request;
    }

    /// <summary>
    /// The RFC 9457 problem document of a refused request, checked to be one (<c>application/problem+json</c> with
    /// the response's status); the test then reads <c>detail</c> or a field's reasons (<see cref="Reasons"/>).
    /// </summary>
    public static async Task<JsonNode> ReadProblemAsync(this HttpResponseMessage response)
    {
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.ReadJsonAsync();
        Assert.Equal((int)response.StatusCode, problem["status"]?.GetValue<int>());
        return problem;
    }

    /// <summary>The reasons a problem document gives for <paramref name="field"/> (<c>errors.{field}</c>).</summary>
    public static IReadOnlyList<string> Reasons(this JsonNode problem, string field) =>
        problem["errors"]?[field]?.AsArray().Select(r => r!.GetValue<string>()).ToList() ?? [];
}
