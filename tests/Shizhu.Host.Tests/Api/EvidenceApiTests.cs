using System.Net;
using System.Security.Cryptography;
using Shizhu.Host.Tests.Infrastructure;

namespace Shizhu.Host.Tests.Api;

[Trait("Category", "Postgres")]
[Trait("Category", "Broker")]
public sealed class EvidenceApiTests(HostFixture fixture) : IClassFixture<HostFixture>
{
    private const string WorkPlan = "work-plan";
    private static readonly byte[] Pdf = EvidenceUploads.Pdf;
    private static readonly byte[] Executable = [.. "MZ"u8, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00, 0x04, 0x00, 0x00, 0x00, 0xFF, 0xFF, .. new byte[120]];

    private static Task<HttpResponseMessage> UploadAsync(HttpClient client, string taskId, byte[] bytes, string fileName, string contentType) =>
        client.UploadAsync(taskId, bytes, fileName, contentType, WorkPlan);

    private async Task<(Scenario Scenario, HttpClient Staff, string TaskId)> OpenTaskAsync()
    {
        var scenario = await Scenario.StartAsync(fixture);
        var staff = await fixture.LoginAsync(scenario.StaffUser, HostFixture.UserPassword);
        var taskId = (await staff.GetJsonAsync("/api/inbox")).Items()
            .First(i => i.Str("workflowId") == scenario.WorkflowId && i.Str("title") == "制定创建工作实施方案").Str("id");
        return (scenario, staff, taskId);
    }

    [Fact]
    public async Task AnUploadedPdfAnswersCreatedWithItsHashAndItsTownshipDownloadsTheSameBytes()
    {
        var (scenario, staff, taskId) = await OpenTaskAsync();
        try
        {
            using var response = await UploadAsync(staff, taskId, Pdf, "实施方案（定稿）.pdf", "application/octet-stream");

            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
            var created = await response.ReadJsonAsync();
            var id = created.Str("id");
            Assert.Equal($"/api/tasks/{taskId}/evidence/{id}", response.Headers.Location!.OriginalString);
            Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(Pdf)), created.Str("sha256"));
            Assert.Equal(("实施方案（定稿）.pdf", "application/pdf", Pdf.Length, WorkPlan, scenario.StaffUser),
                (created.Str("fileName"), created.Str("contentType"), created["size"]!.GetValue<int>(), created.Str("requirement"), created.Str("uploadedBy")));
            Assert.NotNull(created["uploadedAt"]);
            // Stored outside the web root under the evidence id, never under the uploader's name.
            Assert.True(File.Exists(Path.Combine(fixture.EvidenceRoot, scenario.TownshipCode, Guid.Parse(id).ToString("N"))));
            Assert.Empty(Directory.GetFiles(fixture.EvidenceRoot, "*.pdf", SearchOption.AllDirectories));

            using var leader = await fixture.LoginAsync(scenario.LeaderUser, HostFixture.UserPassword);
            var list = (await leader.GetJsonAsync($"/api/tasks/{taskId}/evidence")).Items().ToList();
            Assert.Equal(id, Assert.Single(list).Str("id"));
            using var download = await leader.GetAsync($"/api/tasks/{taskId}/evidence/{id}");
            Assert.Equal(HttpStatusCode.OK, download.StatusCode);
            Assert.Equal(Pdf, await download.Content.ReadAsByteArrayAsync());
            Assert.Equal("application/pdf", download.Content.Headers.ContentType!.MediaType);
            Assert.Equal("attachment", download.Content.Headers.ContentDisposition!.DispositionType);
            Assert.Equal("实施方案（定稿）.pdf", download.Content.Headers.ContentDisposition.FileNameStar);
            Assert.Equal("nosniff", download.Headers.GetValues("X-Content-Type-Options").Single());

            var journal = (await leader.GetJsonAsync($"/api/workflows/{scenario.WorkflowId}/journal?limit=200")).Items();
            Assert.Contains(journal, j => j.Str("kind") == "EvidenceUploaded" && j.Str("actor") == scenario.StaffUser);
        }
        finally
        {
            staff.Dispose();
            await scenario.CancelAsync(fixture);
        }
    }

    [Fact]
    public async Task AnExecutableDisguisedAsAPdfIsRefusedNamingTheFileField()
    {
        var (scenario, staff, taskId) = await OpenTaskAsync();
        try
        {
            // Other tests may have stored files for the same township: nothing new may appear beside theirs.
            var folder = Path.Combine(fixture.EvidenceRoot, scenario.TownshipCode);
            int StoredFiles() => Directory.Exists(folder) ? Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).Count() : 0;
            var storedBefore = StoredFiles();

            using var response = await UploadAsync(staff, taskId, Executable, "report.pdf", "application/pdf");

            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
            var message = (await response.ReadJsonAsync())["errors"]!["file"]![0]!.GetValue<string>();
            Assert.StartsWith("文件类型不允许", message);
            Assert.Empty((await staff.GetJsonAsync($"/api/tasks/{taskId}/evidence")).Items());
            Assert.Equal(storedBefore, StoredFiles());
        }
        finally
        {
            staff.Dispose();
            await scenario.CancelAsync(fixture);
        }
    }

    [Fact]
    public async Task AFileForARequirementTheTaskDoesNotAskForIsRefusedNamingTheRequirementField()
    {
        var (scenario, staff, taskId) = await OpenTaskAsync();
        try
        {
            using var response = await staff.UploadAsync(taskId, Pdf, "名单.pdf", "application/pdf", "village-list");

            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
            var message = (await response.ReadJsonAsync())["errors"]!["requirement"]![0]!.GetValue<string>();
            Assert.Contains($"可选：{WorkPlan}（", message, StringComparison.Ordinal);
            Assert.Empty((await staff.GetJsonAsync($"/api/tasks/{taskId}/evidence")).Items());
        }
        finally
        {
            staff.Dispose();
            await scenario.CancelAsync(fixture);
        }
    }

    [Fact]
    public async Task AnotherTownshipsUserGetsNotFoundForTheEvidenceListTheFileAndTheUpload()
    {
        var (scenario, staff, taskId) = await OpenTaskAsync();
        try
        {
            using var uploaded = await UploadAsync(staff, taskId, Pdf, "方案.pdf", "application/pdf");
            var id = (await uploaded.ReadJsonAsync()).Str("id");
            var outsider = $"outsider-{Guid.NewGuid():N}"[..16];
            // Any other township does; 中益乡 is a plan township no scenario uses.
            await fixture.CreateUserAsync(outsider, "township-staff", "500240213");
            using var client = await fixture.LoginAsync(outsider, HostFixture.UserPassword);

            using var list = await client.GetAsync($"/api/tasks/{taskId}/evidence");
            using var file = await client.GetAsync($"/api/tasks/{taskId}/evidence/{id}");
            using var upload = await UploadAsync(client, taskId, Pdf, "方案.pdf", "application/pdf");
            using var nobody = fixture.CreateClient();
            using var anonymous = await UploadAsync(nobody, taskId, Pdf, "方案.pdf", "application/pdf");

            Assert.Equal([HttpStatusCode.NotFound, HttpStatusCode.NotFound, HttpStatusCode.NotFound, HttpStatusCode.Unauthorized],
                [list.StatusCode, file.StatusCode, upload.StatusCode, anonymous.StatusCode]);
            Assert.Single((await staff.GetJsonAsync($"/api/tasks/{taskId}/evidence")).Items());
        }
        finally
        {
            staff.Dispose();
            await scenario.CancelAsync(fixture);
        }
    }
}
