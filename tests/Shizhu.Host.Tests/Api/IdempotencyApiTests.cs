using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Shizhu.Host.Tests.Infrastructure;

namespace Shizhu.Host.Tests.Api;

/// <summary>
/// The one idempotency pipeline through the Host on PostgreSQL (ADR 0024): on every command endpoint a repeat with the
/// same <c>Idempotency-Key</c> and body answers the first answer byte for byte and has one effect; the key with a
/// different body (or on another resource) answers 422 naming the header, with a Chinese reason.
/// </summary>
[Trait("Category", "Postgres")]
[Trait("Category", "Broker")]
public sealed class IdempotencyApiTests(HostFixture fixture) : IClassFixture<HostFixture>
{
    private static async Task<HttpResponseMessage> SendAsync(HttpClient client, HttpMethod method, string url, object? body, string key)
    {
        using var request = new HttpRequestMessage(method, url) { Content = body is null ? null : JsonContent.Create(body) };
        request.Headers.Add("Idempotency-Key", key);
        return await client.SendAsync(request);
    }

    /// <summary>Sends <paramref name="body"/> twice under one key (same status, same bytes); answers the first answer.</summary>
    private static async Task<JsonNode?> RepeatAnswersTheSameAsync(HttpClient client, HttpMethod method, string url, object? body, string key)
    {
        using var first = await SendAsync(client, method, url, body, key);
        using var repeat = await SendAsync(client, method, url, body, key);
        var (firstText, repeatText) = (await first.Content.ReadAsStringAsync(), await repeat.Content.ReadAsStringAsync());
        Assert.True(first.IsSuccessStatusCode, $"{method} {url} answered {(int)first.StatusCode}: {firstText}");
        Assert.Equal((first.StatusCode, firstText), (repeat.StatusCode, repeatText));
        return firstText.Length == 0 ? null : JsonNode.Parse(firstText);
    }

    private static async Task AssertKeyReusedAsync(HttpResponseMessage response)
    {
        var problem = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.UnprocessableEntity, $"Expected 422, got {(int)response.StatusCode}: {problem}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var reason = JsonNode.Parse(problem)!["errors"]!["Idempotency-Key"]![0]!.GetValue<string>();
        Assert.Contains("Idempotency-Key", reason);
        Assert.Contains("请求", reason);
    }

    private static async Task AssertKeyReusedAsync(HttpClient client, HttpMethod method, string url, object? body, string key)
    {
        using var response = await SendAsync(client, method, url, body, key);
        await AssertKeyReusedAsync(response);
    }

    [Fact]
    public async Task AStartRepeatedWithItsKeyAnswersTheOneWorkflowAndAnotherYearUnderTheKeyIs422()
    {
        using var admin = await fixture.LoginAsAdminAsync();
        var code = await Scenario.FreeTownshipAsync(fixture, admin);
        var key = $"start-{Guid.NewGuid():N}";
        var body = new { townshipCode = code, track = "national", startYear = 2030 };

        var started = await RepeatAnswersTheSameAsync(admin, HttpMethod.Post, "/api/workflows", body, key);
        await AssertKeyReusedAsync(admin, HttpMethod.Post, "/api/workflows", body with { startYear = 2031 }, key);

        var live = (await admin.GetJsonAsync($"/api/workflows?townshipCode={code}")).Items().Where(w => w.Str("track") == "national" && w.Str("status") == "running").ToList();
        Assert.Equal(started!.Str("id"), Assert.Single(live).Str("id"));
        await admin.PostJsonAsync($"/api/workflows/{started!.Str("id")}/cancel", new { reason = "测试结束" });
    }

    [Fact]
    public async Task TaskCommandsRepeatedWithTheirKeysAnswerOnceAndTheKeyWithAnotherBodyOrTaskIs422()
    {
        var scenario = await Scenario.StartAsync(fixture);
        using var admin = await fixture.LoginAsAdminAsync();
        using var staff = await fixture.LoginAsync(scenario.StaffUser, HostFixture.UserPassword);
        var tasks = (await staff.GetJsonAsync("/api/inbox")).Items().Where(i => i.Str("workflowId") == scenario.WorkflowId).Select(i => i.Str("id")).ToList();
        var (taskId, otherTaskId) = (tasks[0], tasks[1]);
        var suffix = Guid.NewGuid().ToString("N");

        var claimed = await RepeatAnswersTheSameAsync(staff, HttpMethod.Post, $"/api/tasks/{taskId}/claim", null, $"claim-{suffix}");
        Assert.Equal(scenario.StaffUser, claimed!.Str("assignee"));
        await AssertKeyReusedAsync(staff, HttpMethod.Post, $"/api/tasks/{otherTaskId}/claim", null, $"claim-{suffix}");
        await AssertKeyReusedAsync(staff, HttpMethod.Post, $"/api/tasks/{taskId}/release", null, $"claim-{suffix}");
        await RepeatAnswersTheSameAsync(staff, HttpMethod.Post, $"/api/tasks/{taskId}/release", null, $"release-{suffix}");

        await RepeatAnswersTheSameAsync(admin, HttpMethod.Post, $"/api/tasks/{taskId}/assign", new { userName = scenario.StaffUser }, $"assign-{suffix}");
        await AssertKeyReusedAsync(admin, HttpMethod.Post, $"/api/tasks/{taskId}/assign", new { userName = scenario.LeaderUser }, $"assign-{suffix}");

        var requirement = (await staff.GetJsonAsync($"/api/tasks/{taskId}"))["evidence"]!.Items().First().Str("key");
        var uploaded = await UploadTwiceAsync(staff, taskId, EvidenceUploads.Pdf, requirement, $"upload-{suffix}");
        using (var otherFile = await UploadAsync(staff, taskId, [.. EvidenceUploads.Pdf, .. "%另一份\n"u8.ToArray()], requirement, $"upload-{suffix}"))
            await AssertKeyReusedAsync(otherFile);
        Assert.Equal(uploaded, Assert.Single((await staff.GetJsonAsync($"/api/tasks/{taskId}/evidence")).Items()).Str("id"));

        await staff.UploadRequiredEvidenceAsync(taskId);
        var completed = await RepeatAnswersTheSameAsync(staff, HttpMethod.Post, $"/api/tasks/{taskId}/complete", new { comment = "已办" }, $"done-{suffix}");
        Assert.Equal("completed", completed!.Str("status"));
        await AssertKeyReusedAsync(staff, HttpMethod.Post, $"/api/tasks/{taskId}/complete", new { comment = "另一份意见" }, $"done-{suffix}");
        var journal = (await staff.GetJsonAsync($"/api/workflows/{scenario.WorkflowId}/journal?limit=200")).Items();
        Assert.Single(journal, j => j.Str("kind") == "TaskCompleted");
        await admin.PostJsonAsync($"/api/workflows/{scenario.WorkflowId}/cancel", new { reason = "测试结束" });
    }

    [Fact]
    public async Task WorkflowControlRepeatedWithItsKeysActsOnceAndAnotherReasonUnderAKeyIs422()
    {
        var scenario = await Scenario.StartAsync(fixture);
        using var admin = await fixture.LoginAsAdminAsync();
        var suffix = Guid.NewGuid().ToString("N");
        var url = $"/api/workflows/{scenario.WorkflowId}";

        await RepeatAnswersTheSameAsync(admin, HttpMethod.Post, $"{url}/suspend", new { reason = "迎检暂停" }, $"suspend-{suffix}");
        await AssertKeyReusedAsync(admin, HttpMethod.Post, $"{url}/suspend", new { reason = "另一个原因" }, $"suspend-{suffix}");
        await RepeatAnswersTheSameAsync(admin, HttpMethod.Post, $"{url}/resume", null, $"resume-{suffix}");
        var cancelled = await RepeatAnswersTheSameAsync(admin, HttpMethod.Post, $"{url}/cancel", new { reason = "测试结束" }, $"cancel-{suffix}");
        await AssertKeyReusedAsync(admin, HttpMethod.Post, $"{url}/cancel", new { reason = "另一个原因" }, $"cancel-{suffix}");

        Assert.Equal("cancelled", cancelled!.Str("status"));
        var kinds = (await admin.GetJsonAsync($"{url}/journal?limit=200")).Items().Select(j => j.Str("kind")).ToList();
        Assert.Equal((1, 1, 1), (kinds.Count(k => k == "WorkflowSuspended"), kinds.Count(k => k == "WorkflowResumed"), kinds.Count(k => k == "WorkflowCancelled")));
    }

    [Fact]
    public async Task ACalendarSaveAPlanImportAndATemplateDraftRepeatedWithTheirKeysAnswerOnceAndAnotherBodyIs422()
    {
        using var admin = await fixture.LoginAsAdminAsync();
        var suffix = Guid.NewGuid().ToString("N");

        var year = await RepeatAnswersTheSameAsync(admin, HttpMethod.Put, "/api/calendar/2096",
            new[] { new { date = "2096-01-01", kind = "holiday", name = "元旦" } }, $"calendar-{suffix}");
        Assert.Single(year!.AsArray());
        await AssertKeyReusedAsync(admin, HttpMethod.Put, "/api/calendar/2096", new[] { new { date = "2096-01-02", kind = "holiday", name = "元旦" } }, $"calendar-{suffix}");

        // An entry naming no township is answered "invalid": the import is recorded without starting anything.
        var plan = new { entries = new[] { new { townshipCode = "NOPE", track = "municipal", startYear = 2030 } } };
        var imported = await RepeatAnswersTheSameAsync(admin, HttpMethod.Post, "/api/plans/import", plan, $"import-{suffix}");
        Assert.Equal(1, imported!["invalid"]!.GetValue<int>());
        await AssertKeyReusedAsync(admin, HttpMethod.Post, "/api/plans/import",
            new { entries = new[] { new { townshipCode = "NOPE", track = "national", startYear = 2030 } } }, $"import-{suffix}");

        var published = await admin.GetJsonAsync("/api/templates/national/versions/1");
        var document = published["definition"]!.DeepClone();
        var draft = await RepeatAnswersTheSameAsync(admin, HttpMethod.Post, "/api/templates/national/drafts", document, $"draft-{suffix}");
        document["name"] = "国家卫生乡镇创建（另一稿）";
        await AssertKeyReusedAsync(admin, HttpMethod.Post, "/api/templates/national/drafts", document, $"draft-{suffix}");
        var versions = (await admin.GetJsonAsync("/api/templates")).Items().Single(t => t.Str("key") == "national")["versions"]!.Items();
        Assert.Single(versions, v => v["version"]!.GetValue<int>() == draft!["version"]!.GetValue<int>());
        Assert.Equal(draft!["version"]!.GetValue<int>(), versions.Max(v => v["version"]!.GetValue<int>()));
    }

    private static async Task<string> UploadTwiceAsync(HttpClient client, string taskId, byte[] bytes, string requirement, string key)
    {
        using var first = await UploadAsync(client, taskId, bytes, requirement, key);
        using var repeat = await UploadAsync(client, taskId, bytes, requirement, key);
        var (firstText, repeatText) = (await first.Content.ReadAsStringAsync(), await repeat.Content.ReadAsStringAsync());
        Assert.Equal((HttpStatusCode.Created, HttpStatusCode.Created), (first.StatusCode, repeat.StatusCode));
        Assert.Equal(firstText, repeatText);
        return JsonNode.Parse(firstText)!.Str("id");
    }

    private static async Task<HttpResponseMessage> UploadAsync(HttpClient client, string taskId, byte[] bytes, string requirement, string key)
    {
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new("application/pdf");
        form.Add(file, "file", $"{requirement}.pdf");
        form.Add(new StringContent(requirement, Encoding.UTF8), "requirement");
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/tasks/{taskId}/evidence") { Content = form };
        request.Headers.Add("Idempotency-Key", key);
        return await client.SendAsync(request);
    }
}
