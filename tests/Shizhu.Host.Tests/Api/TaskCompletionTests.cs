using System.Net;
using System.Net.Http.Json;
using Shizhu.Host.Tests.Infrastructure;

namespace Shizhu.Host.Tests.Api;

[Trait("Category", "Postgres")]
[Trait("Category", "Broker")]
public sealed class TaskCompletionTests(HostFixture fixture) : IClassFixture<HostFixture>
{
    private async Task<(Scenario Scenario, HttpClient Staff, string TaskId)> OpenTaskAsync()
    {
        var scenario = await Scenario.StartAsync(fixture);
        var staff = await fixture.LoginAsync(scenario.StaffUser, HostFixture.UserPassword);
        var task = (await staff.GetJsonAsync("/api/inbox")).Items().First(i => i.Str("workflowId") == scenario.WorkflowId);
        return (scenario, staff, task.Str("id"));
    }

    [Fact]
    public async Task CompletingATaskTwiceAnswersConflict()
    {
        var (_, staff, taskId) = await OpenTaskAsync();
        await staff.UploadRequiredEvidenceAsync(taskId);
        using var first = await staff.PostAsJsonAsync($"/api/tasks/{taskId}/complete", new { });
        using var second = await staff.PostAsJsonAsync($"/api/tasks/{taskId}/complete", new { });

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        Assert.Equal("application/problem+json", second.Content.Headers.ContentType!.MediaType);
        Assert.Equal("该任务已办结，不能重复办理。", (await second.ReadJsonAsync()).Str("detail"));
    }

    [Fact]
    public async Task RepeatingACompletionWithTheSameIdempotencyKeyAndBodyReturnsTheFirstResultAndAnotherBodyIs422()
    {
        var (scenario, staff, taskId) = await OpenTaskAsync();
        async Task<HttpResponseMessage> Complete(string comment)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/tasks/{taskId}/complete") { Content = JsonContent.Create(new { comment }) };
            request.Headers.Add("Idempotency-Key", "complete-once");
            return await staff.SendAsync(request);
        }

        await staff.UploadRequiredEvidenceAsync(taskId);
        using var first = await Complete("第一次");
        using var repeat = await Complete("第一次");
        using var otherBody = await Complete("第二次");

        Assert.Equal(HttpStatusCode.OK, repeat.StatusCode);
        Assert.Equal(await first.Content.ReadAsStringAsync(), await repeat.Content.ReadAsStringAsync());
        // The key with another body is a different request: refused, naming the header (ADR 0024).
        Assert.Equal(HttpStatusCode.UnprocessableEntity, otherBody.StatusCode);
        Assert.NotNull((await otherBody.ReadJsonAsync())["errors"]!["Idempotency-Key"]);
        var journal = (await staff.GetJsonAsync($"/api/workflows/{scenario.WorkflowId}/journal?limit=200")).Items();
        Assert.Single(journal, j => j.Str("kind") == "TaskCompleted");
    }

    [Fact]
    public async Task AnotherTownshipsUserGetsNotFoundForTheTaskAndTheWorkflow()
    {
        var (scenario, _, taskId) = await OpenTaskAsync();
        var other = fixture.NextTownshipCode();
        var outsider = $"outsider-{Guid.NewGuid():N}"[..16];
        await fixture.CreateUserAsync(outsider, "township-staff", other);
        using var client = await fixture.LoginAsync(outsider, HostFixture.UserPassword);

        using var complete = await client.PostAsJsonAsync($"/api/tasks/{taskId}/complete", new { });
        using var task = await client.GetAsync($"/api/tasks/{taskId}");
        using var workflow = await client.GetAsync($"/api/workflows/{scenario.WorkflowId}");
        var inbox = await client.GetJsonAsync("/api/inbox");

        Assert.Equal(HttpStatusCode.NotFound, complete.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, task.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, workflow.StatusCode);
        Assert.DoesNotContain(inbox.Items(), i => i.Str("workflowId") == scenario.WorkflowId);
        Assert.DoesNotContain((await client.GetJsonAsync("/api/workflows")).Items(), w => w.Str("id") == scenario.WorkflowId);
    }

    [Fact]
    public async Task ALeaderCannotCompleteAStaffTask()
    {
        var (scenario, _, taskId) = await OpenTaskAsync();
        using var leader = await fixture.LoginAsync(scenario.LeaderUser, HostFixture.UserPassword);

        using var response = await leader.PostAsJsonAsync($"/api/tasks/{taskId}/complete", new { });

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task FormDataThatIsNotAnObjectIsRefusedWithTheField()
    {
        var (_, staff, taskId) = await OpenTaskAsync();

        using var response = await staff.PostAsJsonAsync($"/api/tasks/{taskId}/complete", new { data = new[] { 1, 2 } });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.ReadJsonAsync();
        Assert.Equal("表单数据必须是 JSON 对象。", problem["errors"]!["data"]![0]!.GetValue<string>());
        using var still = await staff.GetAsync($"/api/tasks/{taskId}");
        Assert.Equal("open", (await still.ReadJsonAsync()).Str("status"));
    }
}
