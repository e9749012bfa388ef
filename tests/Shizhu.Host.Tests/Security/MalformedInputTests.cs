using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using Shizhu.Host.Tests.Infrastructure;

namespace Shizhu.Host.Tests.Security;

/// <summary>Issue 10, item 2: malformed bodies answer 400 problem documents, never 500, and never act.</summary>
[Trait("Category", "Postgres")]
[Trait("Category", "Broker")]
public sealed class MalformedInputTests(HostFixture fixture) : IClassFixture<HostFixture>
{
    /// <summary>A JSON string holding bytes that are not UTF-8 (a lone continuation byte and an overlong encoding).</summary>
    internal static byte[] WithInvalidUtf8(string before, string after) =>
        [.. Encoding.UTF8.GetBytes(before), 0x80, 0xC0, 0xAF, 0xFF, .. Encoding.UTF8.GetBytes(after)];

    private static ByteArrayContent Json(byte[] bytes)
    {
        var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        return content;
    }

    [Theory]
    [InlineData("suspend")]
    [InlineData("cancel")]
    public async Task InvalidUtf8InAWorkflowCommandsReasonIsRefusedAndTheWorkflowKeepsRunning(string command)
    {
        var scenario = await Scenario.StartAsync(fixture);
        using var admin = await fixture.LoginAsAdminAsync();
        try
        {
            using var response = await admin.PostAsync($"/api/workflows/{scenario.WorkflowId}/{command}", Json(WithInvalidUtf8("{\"reason\":\"", "\"}")));

            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.NotNull((await response.ReadJsonAsync())["errors"]!["reason"]);
            Assert.Equal("running", (await scenario.WorkflowAsync(admin)).Str("status"));
        }
        finally
        {
            await scenario.CancelAsync(fixture);
        }
    }

    [Fact]
    public async Task InvalidUtf8InCompletionDataMessagePayloadAndATemplateDraftAnswersBadRequest()
    {
        var scenario = await Scenario.StartAsync(fixture);
        using var admin = await fixture.LoginAsAdminAsync();
        using var staff = await fixture.LoginAsync(scenario.StaffUser, HostFixture.UserPassword);
        try
        {
            var taskId = (await staff.GetJsonAsync("/api/inbox")).Items().First(i => i.Str("workflowId") == scenario.WorkflowId).Str("id");
            var journal = (await admin.GetJsonAsync($"/api/workflows/{scenario.WorkflowId}/journal?limit=200")).Items().Count();

            using var complete = await staff.PostAsync($"/api/tasks/{taskId}/complete", Json(WithInvalidUtf8("{\"data\":{\"note\":\"", "\"}}")));
            using var message = await admin.PostAsync($"/api/workflows/{scenario.WorkflowId}/messages",
                Json(WithInvalidUtf8("{\"name\":\"municipal-verdict\",\"payload\":{\"result\":\"", "\"}}")));
            using var draft = await admin.PostAsync("/api/templates/municipal/drafts", Json(WithInvalidUtf8("{\"key\":\"municipal\",\"name\":\"", "\"}")));

            foreach (var response in new[] { complete, message, draft })
            {
                Assert.True(response.StatusCode == HttpStatusCode.BadRequest,
                    $"{response.RequestMessage!.RequestUri} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
                Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
            }
            Assert.Equal(journal, (await admin.GetJsonAsync($"/api/workflows/{scenario.WorkflowId}/journal?limit=200")).Items().Count());
        }
        finally
        {
            await scenario.CancelAsync(fixture);
        }
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task ATruncatedOrMisframedMultipartUploadAnswersBadRequestNamingFile(bool truncated)
    {
        var scenario = await Scenario.StartAsync(fixture);
        using var staff = await fixture.LoginAsync(scenario.StaffUser, HostFixture.UserPassword);
        try
        {
            var taskId = (await staff.GetJsonAsync("/api/inbox")).Items().First(i => i.Str("workflowId") == scenario.WorkflowId).Str("id");
            var body = "--b0undary\r\nContent-Disposition: form-data; name=\"requirement\"\r\n\r\nwork-plan\r\n" +
                       "--b0undary\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.pdf\"\r\nContent-Type: application/pdf\r\n\r\n" +
                       Encoding.ASCII.GetString(EvidenceUploads.Pdf) + (truncated ? "" : "\r\n--b0undary--\r\n");
            var content = new StringContent(body, Encoding.ASCII);
            content.Headers.ContentType = MediaTypeHeaderValue.Parse($"multipart/form-data; boundary={(truncated ? "b0undary" : "other")}");

            using var response = await staff.PostAsync($"/api/tasks/{taskId}/evidence", content);

            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.NotNull((await response.ReadJsonAsync())["errors"]!["file"]);
            Assert.Empty((await staff.GetJsonAsync($"/api/tasks/{taskId}/evidence")).Items());
        }
        finally
        {
            await scenario.CancelAsync(fixture);
        }
    }
}
