using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;

namespace Shizhu.Host.Tests.Infrastructure;

/// <summary>Uploading evidence as a client does (multipart, bearer token), and completing a task with its required files.</summary>
public static class EvidenceUploads
{
    /// <summary>A small but structurally real PDF: what the content check accepts.</summary>
    public static readonly byte[] Pdf = Encoding.ASCII.GetBytes(
        "%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\n" +
        "trailer << /Root 1 0 R >>\n%%EOF\n");

    public static async Task<HttpResponseMessage> UploadAsync(
        this HttpClient client, string taskId, byte[] bytes, string fileName, string contentType, string requirement)
    {
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        form.Add(file, "file", fileName);
        form.Add(new StringContent(requirement), "requirement");
        return await client.PostAsync($"/api/tasks/{taskId}/evidence", form);
    }

    /// <summary>
    /// Uploads a PDF for each evidence requirement that completing with <paramref name="outcome"/> (default: the task's
    /// first) needs, read from <c>GET /api/tasks/{id}</c>; answers the keys it uploaded for.
    /// </summary>
    public static async Task<IReadOnlyList<string>> UploadRequiredEvidenceAsync(this HttpClient client, string taskId, string? outcome = null)
    {
        var task = await client.GetJsonAsync($"/api/tasks/{taskId}");
        outcome ??= task["outcomes"]!.Items().Select(o => o.GetValue<string>()).FirstOrDefault();
        var keys = task["evidence"]!.Items().Where(r => IsRequiredFor(r, outcome)).Select(r => r.Str("key")).ToList();
        foreach (var key in keys)
        {
            using var response = await client.UploadAsync(taskId, Pdf, $"{key}.pdf", "application/pdf", key);
            Assert.True(response.IsSuccessStatusCode, $"Uploading {key} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        }
        return keys;
    }

    /// <summary>Uploads the task's required evidence, then completes it with <paramref name="body"/>; fails unless both succeed.</summary>
    public static async Task<JsonNode> CompleteWithEvidenceAsync(this HttpClient client, string taskId, object body, string? outcome = null)
    {
        await client.UploadRequiredEvidenceAsync(taskId, outcome);
        return await client.PostJsonAsync($"/api/tasks/{taskId}/complete", body);
    }

    private static bool IsRequiredFor(JsonNode requirement, string? outcome) =>
        requirement["required"]!.GetValue<bool>()
        && (requirement["requiredFor"] is not JsonArray requiredFor || requiredFor.Any(o => o!.GetValue<string>() == outcome));
}
