using System.Net;
using Shizhu.Host.Tests.Infrastructure;

namespace Shizhu.Host.Tests.Api;

/// <summary>
/// Taking back a wrong upload (<c>DELETE /api/tasks/{id}/evidence/{evidenceId}</c>), the inline preview and its headers,
/// and the county office's review of a workflow's files (<c>GET /api/workflows/{id}/evidence</c>) — ADR 0033.
/// </summary>
[Trait("Category", "Postgres")]
[Trait("Category", "Broker")]
public sealed class EvidenceRemovalAndPreviewApiTests(HostFixture fixture) : IClassFixture<HostFixture>
{
    private const string WorkPlan = "work-plan";
    private const string WorkPlanTitle = "制定创建工作实施方案";

    private async Task<(Scenario Scenario, HttpClient Staff, string TaskId, string FileId)> UploadedAsync()
    {
        var scenario = await Scenario.StartAsync(fixture);
        var staff = await fixture.LoginAsync(scenario.StaffUser, HostFixture.UserPassword);
        var taskId = (await staff.GetJsonAsync("/api/inbox")).Items()
            .First(i => i.Str("workflowId") == scenario.WorkflowId && i.Str("title") == WorkPlanTitle).Str("id");
        using var uploaded = await staff.UploadAsync(taskId, EvidenceUploads.Pdf, "实施方案（错稿）.pdf", "application/pdf", WorkPlan);
        Assert.Equal(HttpStatusCode.Created, uploaded.StatusCode);
        return (scenario, staff, taskId, (await uploaded.ReadJsonAsync()).Str("id"));
    }

    private static Task<HttpResponseMessage> RemoveAsync(HttpClient client, string taskId, string fileId, string? key = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Delete, $"/api/tasks/{taskId}/evidence/{fileId}");
        if (key is not null) request.WithIdempotencyKey(key);
        return client.SendAsync(request);
    }

    [Fact]
    public async Task TheUploaderRemovesTheirOwnFileFromAnOpenTaskTheBytesGoAndTheJournalKeepsTheTrace()
    {
        var (scenario, staff, taskId, fileId) = await UploadedAsync();
        try
        {
            var stored = Path.Combine(fixture.EvidenceRoot, scenario.TownshipCode, Guid.Parse(fileId).ToString("N"));
            Assert.True(File.Exists(stored));

            using var removed = await RemoveAsync(staff, taskId, fileId, "remove-1");
            Assert.Equal(HttpStatusCode.OK, removed.StatusCode);
            Assert.Equal(fileId, (await removed.ReadJsonAsync()).Str("id"));
            Assert.Empty((await staff.GetJsonAsync($"/api/tasks/{taskId}/evidence")).Items());
            Assert.False(File.Exists(stored));

            // A repeat with the key answers the first answer; without one the file is simply gone.
            using var repeat = await RemoveAsync(staff, taskId, fileId, "remove-1");
            Assert.Equal((HttpStatusCode.OK, fileId), (repeat.StatusCode, (await repeat.ReadJsonAsync()).Str("id")));
            using var again = await RemoveAsync(staff, taskId, fileId);
            Assert.Equal(HttpStatusCode.NotFound, again.StatusCode);
            Assert.Equal("佐证材料不存在。", (await again.ReadProblemAsync()).Str("detail"));

            var journal = (await staff.GetJsonAsync($"/api/workflows/{scenario.WorkflowId}/journal")).Items();
            var row = Assert.Single(journal, j => j.Str("kind") == "EvidenceRemoved");
            Assert.Equal(scenario.StaffUser, row.Str("actor"));
            Assert.Equal("实施方案（错稿）.pdf", row["before"]!["evidence"]!.Str("fileName"));
            Assert.Single(journal, j => j.Str("kind") == "EvidenceUploaded");
        }
        finally
        {
            staff.Dispose();
            await scenario.CancelAsync(fixture);
        }
    }

    [Fact]
    public async Task AnotherUserOfTheSameTownshipMayNotRemoveTheUploadersFile()
    {
        var (scenario, staff, taskId, fileId) = await UploadedAsync();
        try
        {
            var colleague = $"colleague-{Guid.NewGuid():N}"[..18];
            await fixture.CreateUserAsync(colleague, "township-staff", scenario.TownshipCode);
            using var other = await fixture.LoginAsync(colleague, HostFixture.UserPassword);

            using var response = await RemoveAsync(other, taskId, fileId);

            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
            Assert.Equal("只能删除自己上传的佐证材料。", (await response.ReadProblemAsync()).Str("detail"));
            Assert.Single((await staff.GetJsonAsync($"/api/tasks/{taskId}/evidence")).Items());
        }
        finally
        {
            staff.Dispose();
            await scenario.CancelAsync(fixture);
        }
    }

    [Fact]
    public async Task AFileOfACompletedTaskStaysAndItsRemovalIsRefusedWithAConflict()
    {
        var (scenario, staff, taskId, fileId) = await UploadedAsync();
        try
        {
            await staff.CompleteWithEvidenceAsync(taskId, new { comment = "方案已印发" });

            using var response = await RemoveAsync(staff, taskId, fileId);

            Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
            Assert.Equal("该任务已办结，佐证材料不能再删除。", (await response.ReadProblemAsync()).Str("detail"));
            Assert.Contains((await staff.GetJsonAsync($"/api/tasks/{taskId}/evidence")).Items(), f => f.Str("id") == fileId);
        }
        finally
        {
            staff.Dispose();
            await scenario.CancelAsync(fixture);
        }
    }

    [Fact]
    public async Task APdfPreviewIsInlineUnsniffedAndFramedOnlyByTheAppWhileTheDownloadStaysAnAttachment()
    {
        var (scenario, staff, taskId, fileId) = await UploadedAsync();
        try
        {
            using var leader = await fixture.LoginAsync(scenario.LeaderUser, HostFixture.UserPassword);
            using var preview = await leader.GetAsync($"/api/tasks/{taskId}/evidence/{fileId}/preview");

            Assert.Equal(HttpStatusCode.OK, preview.StatusCode);
            Assert.Equal(EvidenceUploads.Pdf, await preview.Content.ReadAsByteArrayAsync());
            Assert.Equal("application/pdf", preview.Content.Headers.ContentType!.MediaType);
            Assert.Equal("inline", preview.Content.Headers.ContentDisposition!.DispositionType);
            Assert.Equal("实施方案（错稿）.pdf", preview.Content.Headers.ContentDisposition.FileNameStar);
            Assert.Equal("nosniff", preview.Headers.GetValues("X-Content-Type-Options").Single());
            Assert.Equal("SAMEORIGIN", preview.Headers.GetValues("X-Frame-Options").Single());
            var csp = preview.Headers.GetValues("Content-Security-Policy").Single();
            Assert.Contains("default-src 'none'", csp, StringComparison.Ordinal);
            Assert.Contains("frame-ancestors 'self'", csp, StringComparison.Ordinal);

            // Everything else keeps the strict policy: the download is an attachment no page may frame.
            using var download = await leader.GetAsync($"/api/tasks/{taskId}/evidence/{fileId}");
            Assert.Equal("attachment", download.Content.Headers.ContentDisposition!.DispositionType);
            Assert.Equal("DENY", download.Headers.GetValues("X-Frame-Options").Single());
        }
        finally
        {
            staff.Dispose();
            await scenario.CancelAsync(fixture);
        }
    }

    [Fact]
    public async Task ThePreviewAndTheWorkflowsEvidenceAreNotFoundForAnotherTownshipAndNeedASignIn()
    {
        var (scenario, staff, taskId, fileId) = await UploadedAsync();
        try
        {
            var outsider = $"outsider-{Guid.NewGuid():N}"[..16];
            await fixture.CreateUserAsync(outsider, "township-staff", "500240213");
            using var other = await fixture.LoginAsync(outsider, HostFixture.UserPassword);
            using var nobody = fixture.CreateClient();

            using var preview = await other.GetAsync($"/api/tasks/{taskId}/evidence/{fileId}/preview");
            using var list = await other.GetAsync($"/api/workflows/{scenario.WorkflowId}/evidence");
            using var removal = await RemoveAsync(other, taskId, fileId);
            using var anonymous = await nobody.GetAsync($"/api/tasks/{taskId}/evidence/{fileId}/preview");

            Assert.Equal([HttpStatusCode.NotFound, HttpStatusCode.NotFound, HttpStatusCode.NotFound, HttpStatusCode.Unauthorized],
                [preview.StatusCode, list.StatusCode, removal.StatusCode, anonymous.StatusCode]);
        }
        finally
        {
            staff.Dispose();
            await scenario.CancelAsync(fixture);
        }
    }

    [Fact]
    public async Task TheCountyOfficeReviewsEveryFileOfTheWorkflowWithItsTaskAndRequirement()
    {
        var (scenario, staff, taskId, fileId) = await UploadedAsync();
        try
        {
            using var admin = await fixture.LoginAsAdminAsync();

            var files = (await admin.GetJsonAsync($"/api/workflows/{scenario.WorkflowId}/evidence")).Items().ToList();

            var file = Assert.Single(files);
            Assert.Equal((fileId, taskId, WorkPlanTitle, WorkPlan, "实施方案（错稿）.pdf", scenario.StaffUser, "application/pdf"),
                (file.Str("id"), file.Str("taskId"), file.Str("taskTitle"), file.Str("requirement"), file.Str("fileName"), file.Str("uploadedBy"),
                 file.Str("contentType")));
            Assert.NotEqual(WorkPlan, file.Str("requirementLabel"));
        }
        finally
        {
            staff.Dispose();
            await scenario.CancelAsync(fixture);
        }
    }
}
