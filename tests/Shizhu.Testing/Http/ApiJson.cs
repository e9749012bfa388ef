using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Xunit;

namespace Shizhu.Testing.Http;

/// <summary>Small helpers for reading the API's JSON as a client would: by field name, without our server types.</summary>
public static class ApiJson
{
    public static async Task<JsonNode> ReadJsonAsync(this HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        return JsonNode.Parse(text) ?? throw new InvalidOperationException("Empty JSON body.");
    }

    public static async Task<JsonNode> GetJsonAsync(this HttpClient client, string url)
    {
        using var response = await client.GetAsync(url);
        Assert.True(response.IsSuccessStatusCode, $"GET {url} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return await response.ReadJsonAsync();
    }

    public static async Task<JsonNode> PostJsonAsync(this HttpClient client, string url, object body)
    {
        using var response = await client.PostAsJsonAsync(url, body);
        Assert.True(response.IsSuccessStatusCode, $"POST {url} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return await response.ReadJsonAsync();
    }

    public static string Str(this JsonNode node, string name) => node[name]!.GetValue<string>();

    /// <summary>The rows of an array, or of a page (<c>{items, nextCursor}</c>, ADR 0035).</summary>
    public static IEnumerable<JsonNode> Items(this JsonNode node) =>
        (node is JsonObject page && page["items"] is JsonArray items ? items : node.AsArray()).Select(n => n!);

    public static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);
}
