using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;

namespace Shizhu.Host.Tests.Infrastructure;

/// <summary>Uploading evidence as a client does (multipart, bearer token), and completing a task with its required files.</summary>
public static class EvidenceUploads
{
    /// <summary>
    /// A real one-page PDF with a line of text: what the content check accepts, and what a browser's PDF viewer can show
    /// (a document without pages or cross-reference table only shows the viewer's "Failed to load PDF document").
    /// </summary>
    public static readonly byte[] Pdf = OnePagePdf("Sign-in sheet");

    private static byte[] OnePagePdf(string line)
    {
        var content = $"BT /F1 24 Tf 40 100 Td ({line}) Tj ET";
        string[] objects =
        [
            "<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 300 200] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
            $"<< /Length {content.Length} >>\nstream\n{content}\nendstream",
            "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        ];
        var pdf = new StringBuilder("%PDF-1.4\n");
        var offsets = new List<int>();
        for (var i = 0; i < objects.Length; i++)
        {
            offsets.Add(pdf.Length);
            pdf.Append($"{i + 1} 0 obj\n{objects[i]}\nendobj\n");
        }
        var xref = pdf.Length;
        pdf.Append($"xref\n0 {objects.Length + 1}\n0000000000 65535 f \n");
        foreach (var offset in offsets) pdf.Append($"{offset:D10} 00000 n \n");
        pdf.Append($"trailer\n<< /Size {objects.Length + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n");
        return Encoding.ASCII.GetBytes(pdf.ToString());
    }

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
