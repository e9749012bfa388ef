using System.Net;
using System.Net.Http.Json;
using Shizhu.Host.Tests.Infrastructure;

namespace Shizhu.Host.Tests.Api;

/// <summary>Races on real PostgreSQL through Kestrel: optimistic concurrency must leave exactly one effect.</summary>
[Trait("Category", "Postgres")]
[Trait("Category", "Broker")]
public sealed class ConcurrentCompletionTests(HostFixture fixture) : IClassFixture<HostFixture>
{
    [Fact]
    public async Task ManyParallelCompletionsOfOneTaskLeaveExactlyOneCompletion()
    {
        var scenario = await Scenario.StartAsync(fixture);
        var clients = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => fixture.LoginAsync(scenario.StaffUser, HostFixture.UserPassword)));
        var task = (await clients[0].GetJsonAsync("/api/inbox")).Items().First(i => i.Str("workflowId") == scenario.WorkflowId);
        await clients[0].UploadRequiredEvidenceAsync(task.Str("id"));

        var responses = await Task.WhenAll(clients.Select(c => c.PostAsJsonAsync($"/api/tasks/{task.Str("id")}/complete", new { comment = "并发办理" })));

        Assert.Equal(1, responses.Count(r => r.StatusCode == HttpStatusCode.OK));
        Assert.All(responses.Where(r => r.StatusCode != HttpStatusCode.OK), r => Assert.Equal(HttpStatusCode.Conflict, r.StatusCode));
        var journal = (await clients[0].GetJsonAsync($"/api/workflows/{scenario.WorkflowId}/journal?limit=200")).Items();
        Assert.Single(journal, j => j.Str("kind") == "TaskCompleted");
        foreach (var response in responses) response.Dispose();
        foreach (var client in clients) client.Dispose();
    }

    [Fact]
    public async Task ATaskShowsItsRoleFormFieldsOutcomesAndRequiredEvidence()
    {
        var scenario = await Scenario.StartAsync(fixture);
        using var staff = await fixture.LoginAsync(scenario.StaffUser, HostFixture.UserPassword);
        var leadingGroup = (await staff.GetJsonAsync("/api/inbox")).Items()
            .First(i => i.Str("workflowId") == scenario.WorkflowId && i.Str("title") == "组建创建工作领导小组");

        var task = await staff.GetJsonAsync($"/api/tasks/{leadingGroup.Str("id")}");

        Assert.Equal("township-staff", task.Str("role"));
        Assert.Equal(scenario.TownshipCode, task.Str("townshipCode"));
        Assert.Equal(["leader", "leaderIsPrincipal"], task["form"]!.Items().Select(f => f.Str("key")));
        Assert.Equal("establishment-notice", Assert.Single(task["evidence"]!.Items()).Str("key"));
        Assert.Empty(task["outcomes"]!.Items());
    }
}
