using System.Net;
using System.Net.Http.Json;
using Shizhu.Host.Tests.Infrastructure;

namespace Shizhu.Host.Tests.Api;

/// <summary>
/// No decision is chosen by the server (issue 12): completing a task that offers outcomes without choosing one answers
/// 400 naming <c>outcome</c> with 请选择办理结果, and the task stays open, on the real Host over PostgreSQL.
/// </summary>
[Trait("Category", "Postgres")]
[Trait("Category", "Broker")]
public sealed class OutcomeRequiredApiTests(HostFixture fixture) : IClassFixture<HostFixture>
{
    [Fact]
    public async Task CompletingADecisionWithoutAnOutcomeAnswers400NamingOutcomeAndTheTaskStaysOpen()
    {
        var scenario = await Scenario.StartAsync(fixture);
        using var staff = await fixture.LoginAsync(scenario.StaffUser, HostFixture.UserPassword);
        using var admin = await fixture.LoginAsAdminAsync();

        // The township's opening tasks offer no outcome; done one by one until the county office's decision opens.
        string? decision = null;
        for (var step = 0; step < 12 && decision is null; step++)
        {
            var open = (await scenario.WorkflowAsync(admin))["tasks"]!.Items().Where(t => t.Str("status") == "open").ToList();
            foreach (var task in open)
            {
                var detail = await admin.GetJsonAsync($"/api/tasks/{task.Str("id")}");
                if (detail["outcomes"]!.Items().Any()) { decision = task.Str("id"); break; }
            }
            if (decision is null)
            {
                var next = open.First(t => t.Str("scope") == "township");
                await staff.CompleteWithEvidenceAsync(next.Str("id"), new { comment = "测试推进" });
            }
        }
        Assert.NotNull(decision);

        using var refused = await admin.PostAsJsonAsync($"/api/tasks/{decision}/complete", new { comment = "同意" });

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var problem = await refused.ReadJsonAsync();
        Assert.Equal("请选择办理结果。", Assert.Single(problem["errors"]!["outcome"]!.AsArray())!.GetValue<string>());
        Assert.Equal("open", (await admin.GetJsonAsync($"/api/tasks/{decision}")).Str("status"));
    }
}
