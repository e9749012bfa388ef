using System.Net;
using System.Net.Http.Json;
using Shizhu.Host.Tests.Infrastructure;

namespace Shizhu.Host.Tests.Security;

/// <summary>Issue 10, item 1: uploading evidence takes the right to work on the task, the same as completing it.</summary>
[Trait("Category", "Postgres")]
[Trait("Category", "Broker")]
public sealed class EvidenceRightsTests(HostFixture fixture) : IClassFixture<HostFixture>
{
    private const string PlanTask = "制定创建工作实施方案";

    [Fact]
    public async Task OnlookersUploadingToAStaffTaskAreRefusedAndTheStaffStillNeedsTheirOwnEvidence()
    {
        var scenario = await Scenario.StartAsync(fixture);
        var suffix = Guid.NewGuid().ToString("N")[..6];
        await fixture.CreateUserAsync($"cl-{suffix}", "county-leader", null);
        await fixture.CreateUserAsync($"ta-{suffix}", "template-admin", null);
        using var staff = await fixture.LoginAsync(scenario.StaffUser, HostFixture.UserPassword);
        try
        {
            var taskId = (await staff.GetJsonAsync("/api/inbox")).Items()
                .First(i => i.Str("workflowId") == scenario.WorkflowId && i.Str("title") == PlanTask).Str("id");
            foreach (var onlooker in new[] { $"cl-{suffix}", $"ta-{suffix}", scenario.LeaderUser })
            {
                using var client = await fixture.LoginAsync(onlooker, HostFixture.UserPassword);
                using var upload = await client.UploadAsync(taskId, EvidenceUploads.Pdf, "方案.pdf", "application/pdf", "work-plan");
                Assert.True(upload.StatusCode == HttpStatusCode.Forbidden, $"{onlooker} uploading answered {(int)upload.StatusCode}");
                Assert.Equal("application/problem+json", upload.Content.Headers.ContentType!.MediaType);
            }

            Assert.Empty((await staff.GetJsonAsync($"/api/tasks/{taskId}/evidence")).Items());
            using var completion = await staff.PostAsJsonAsync($"/api/tasks/{taskId}/complete", new { comment = "方案已印发" });
            Assert.Equal(HttpStatusCode.UnprocessableEntity, completion.StatusCode);
            Assert.NotNull((await completion.ReadJsonAsync())["errors"]!["evidence.work-plan"]);
            Assert.DoesNotContain((await staff.GetJsonAsync($"/api/workflows/{scenario.WorkflowId}/journal?limit=200")).Items(),
                j => j.Str("kind") == "EvidenceUploaded");
        }
        finally
        {
            await scenario.CancelAsync(fixture);
        }
    }

    [Fact]
    public async Task TownshipUsersUploadingToADepartmentsTaskInTheirTownshipAreRefused()
    {
        var scenario = await DepartmentScenario.StartAsync(fixture);
        using var admin = await fixture.LoginAsAdminAsync();
        var leader = $"leader-{Guid.NewGuid():N}"[..13];
        await fixture.CreateUserAsync(leader, "township-leader", scenario.TownshipCode);
        try
        {
            var school = await scenario.TaskIdAsync(admin, DepartmentScenario.SchoolCheck);
            foreach (var user in new[] { scenario.StaffUser, leader })
            {
                using var client = await fixture.LoginAsync(user, HostFixture.UserPassword);
                using var upload = await client.UploadAsync(school, EvidenceUploads.Pdf, "检查记录.pdf", "application/pdf", "check-record");
                Assert.True(upload.StatusCode == HttpStatusCode.Forbidden, $"{user} uploading answered {(int)upload.StatusCode}");
            }
            Assert.Empty((await admin.GetJsonAsync($"/api/tasks/{school}/evidence")).Items());

            using var education = await fixture.LoginAsync(scenario.EducationUser, HostFixture.UserPassword);
            using var own = await education.UploadAsync(school, EvidenceUploads.Pdf, "检查记录.pdf", "application/pdf", "check-record");
            Assert.Equal(HttpStatusCode.Created, own.StatusCode);
        }
        finally
        {
            using var cancel = await admin.PostAsJsonAsync($"/api/workflows/{scenario.WorkflowId}/cancel", new { reason = "测试结束" });
        }
    }
}
