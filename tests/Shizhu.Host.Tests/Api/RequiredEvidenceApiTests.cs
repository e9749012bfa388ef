using System.Net;
using System.Net.Http.Json;
using Shizhu.Host.Tests.Infrastructure;

namespace Shizhu.Host.Tests.Api;

/// <summary>Completing 制定创建工作实施方案 over HTTP, before and after its required 创建工作实施方案 is uploaded.</summary>
[Trait("Category", "Postgres")]
[Trait("Category", "Broker")]
public sealed class RequiredEvidenceApiTests(HostFixture fixture) : IClassFixture<HostFixture>
{
    [Fact]
    public async Task CompletingWithoutTheRequiredEvidenceAnswers422NamingItAndSucceedsOnceItIsUploaded()
    {
        var scenario = await Scenario.StartAsync(fixture);
        using var staff = await fixture.LoginAsync(scenario.StaffUser, HostFixture.UserPassword);
        try
        {
            var taskId = (await staff.GetJsonAsync("/api/inbox")).Items()
                .First(i => i.Str("workflowId") == scenario.WorkflowId && i.Str("title") == "制定创建工作实施方案").Str("id");
            var detail = await staff.GetJsonAsync($"/api/tasks/{taskId}");
            var requirement = Assert.Single(detail["evidence"]!.Items());
            Assert.Equal(("work-plan", true, null), (requirement.Str("key"), requirement["required"]!.GetValue<bool>(), requirement["requiredFor"]));

            using var refused = await staff.PostAsJsonAsync($"/api/tasks/{taskId}/complete", new { comment = "方案已印发" });

            Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
            Assert.Equal("application/problem+json", refused.Content.Headers.ContentType!.MediaType);
            var problem = await refused.ReadJsonAsync();
            Assert.Equal(422, problem["status"]!.GetValue<int>());
            Assert.Equal("请上传佐证材料“创建工作实施方案”后再办结。", problem["errors"]!["evidence.work-plan"]![0]!.GetValue<string>());
            Assert.Single(problem["errors"]!.AsObject());
            Assert.Equal("open", (await staff.GetJsonAsync($"/api/tasks/{taskId}")).Str("status"));
            Assert.DoesNotContain((await staff.GetJsonAsync($"/api/workflows/{scenario.WorkflowId}/journal?limit=200")).Items(),
                j => j.Str("kind") == "TaskCompleted");

            Assert.Equal(["work-plan"], await staff.UploadRequiredEvidenceAsync(taskId));
            var completed = await staff.PostJsonAsync($"/api/tasks/{taskId}/complete", new { comment = "方案已印发" });

            Assert.Equal("completed", completed.Str("status"));
            Assert.Single((await staff.GetJsonAsync($"/api/workflows/{scenario.WorkflowId}/journal?limit=200")).Items(), j => j.Str("kind") == "TaskCompleted");
        }
        finally
        {
            await scenario.CancelAsync(fixture);
        }
    }
}
