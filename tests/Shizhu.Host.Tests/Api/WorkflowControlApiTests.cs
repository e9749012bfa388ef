using System.Net;
using System.Net.Http.Json;
using Shizhu.Host.Tests.Infrastructure;

namespace Shizhu.Host.Tests.Api;

[Trait("Category", "Postgres")]
[Trait("Category", "Broker")]
public sealed class WorkflowControlApiTests(HostFixture fixture) : IClassFixture<HostFixture>
{
    [Fact]
    public async Task TheCountyOfficeSuspendsResumesAndCancelsAWorkflowAndTasksFollow()
    {
        var scenario = await Scenario.StartAsync(fixture);
        using var admin = await fixture.LoginAsAdminAsync();
        using var staff = await fixture.LoginAsync(scenario.StaffUser, HostFixture.UserPassword);
        var taskId = (await staff.GetJsonAsync("/api/inbox")).Items().First(i => i.Str("workflowId") == scenario.WorkflowId).Str("id");

        using var byStaff = await staff.PostAsJsonAsync($"/api/workflows/{scenario.WorkflowId}/suspend", new { });
        Assert.Equal(HttpStatusCode.Forbidden, byStaff.StatusCode);

        var suspended = await admin.PostJsonAsync($"/api/workflows/{scenario.WorkflowId}/suspend", new { reason = "等待县里统一部署" });
        Assert.Equal("suspended", suspended.Str("status"));
        using var whileSuspended = await staff.PostAsJsonAsync($"/api/tasks/{taskId}/complete", new { });
        Assert.Equal(HttpStatusCode.Conflict, whileSuspended.StatusCode);
        Assert.Equal("该创建工作流已暂停，恢复后才能办理任务。", (await whileSuspended.ReadJsonAsync()).Str("detail"));
        Assert.Contains((await admin.GetJsonAsync("/api/workflows?status=suspended")).Items(), w => w.Str("id") == scenario.WorkflowId);

        var resumed = await admin.PostJsonAsync($"/api/workflows/{scenario.WorkflowId}/resume", new { });
        Assert.Equal("running", resumed.Str("status"));
        await staff.CompleteWithEvidenceAsync(taskId, new { });

        var cancelled = await admin.PostJsonAsync($"/api/workflows/{scenario.WorkflowId}/cancel", new { reason = "测试：取消" });
        Assert.Equal("cancelled", cancelled.Str("status"));
        using var again = await admin.PostAsJsonAsync($"/api/workflows/{scenario.WorkflowId}/cancel", new { });
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);

        var workflow = await scenario.WorkflowAsync(staff);
        Assert.Equal("cancelled", workflow.Str("status"));
        Assert.All(workflow["tasks"]!.Items(), t => Assert.Contains(t.Str("status"), new[] { "completed", "cancelled" }));
        Assert.DoesNotContain((await staff.GetJsonAsync("/api/inbox")).Items(), i => i.Str("workflowId") == scenario.WorkflowId);
        var kinds = (await staff.GetJsonAsync($"/api/workflows/{scenario.WorkflowId}/journal?limit=200")).Items().Select(j => j.Str("kind")).ToList();
        Assert.Equal(["WorkflowSuspended", "WorkflowResumed", "WorkflowCancelled"],
            kinds.Where(k => k is "WorkflowSuspended" or "WorkflowResumed" or "WorkflowCancelled"));
    }

    [Fact]
    public async Task RepeatingACancellationWithTheSameIdempotencyKeyAnswersTheFirstResultInsteadOfAConflict()
    {
        var scenario = await Scenario.StartAsync(fixture);
        using var admin = await fixture.LoginAsAdminAsync();
        async Task<HttpResponseMessage> CancelAsync()
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/workflows/{scenario.WorkflowId}/cancel") { Content = JsonContent.Create(new { }) };
            request.Headers.Add("Idempotency-Key", "cancel-once");
            return await admin.SendAsync(request);
        }

        using var first = await CancelAsync();
        using var repeat = await CancelAsync();

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (first.StatusCode, repeat.StatusCode));
        Assert.Equal(await first.Content.ReadAsStringAsync(), await repeat.Content.ReadAsStringAsync());
    }
}
