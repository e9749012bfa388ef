using System.Net;
using System.Net.Http.Json;
using Shizhu.Host.Tests.Infrastructure;

namespace Shizhu.Host.Tests.Api;

[Trait("Category", "Postgres")]
[Trait("Category", "Broker")]
public sealed class ProcessApiTests(HostFixture fixture) : IClassFixture<HostFixture>
{
    [Fact]
    public async Task AMessageTheWorkflowIsNotWaitingForAnswersConflictAndChangesNothing()
    {
        var scenario = await Scenario.StartAsync(fixture);
        using var admin = await fixture.LoginAsAdminAsync();
        var before = await admin.GetJsonAsync($"/api/workflows/{scenario.WorkflowId}/journal?limit=200");

        using var response = await admin.PostAsJsonAsync($"/api/workflows/{scenario.WorkflowId}/messages",
            new { name = "municipal-verdict", payload = new { result = "passed" } });

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Contains("municipal-verdict", (await response.ReadJsonAsync()).Str("detail"), StringComparison.Ordinal);
        var after = await admin.GetJsonAsync($"/api/workflows/{scenario.WorkflowId}/journal?limit=200");
        Assert.Equal(before.Items().Count(), after.Items().Count());
    }

    [Fact]
    public async Task TownshipStaffCannotDeliverMessagesOrSeeIncidents()
    {
        var scenario = await Scenario.StartAsync(fixture);
        using var staff = await fixture.LoginAsync(scenario.StaffUser, HostFixture.UserPassword);

        using var message = await staff.PostAsJsonAsync($"/api/workflows/{scenario.WorkflowId}/messages", new { name = "municipal-verdict" });
        using var incidents = await staff.GetAsync("/api/incidents");

        Assert.Equal(HttpStatusCode.Forbidden, message.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, incidents.StatusCode);
    }

    [Fact]
    public async Task TheBuiltInTemplatesArePublishedAndABadDraftIsRefusedWithEveryProblemLocated()
    {
        using var admin = await fixture.LoginAsAdminAsync();
        var templates = (await admin.GetJsonAsync("/api/templates")).Items().Select(t => t.Str("key")).ToList();
        Assert.Contains("national", templates);
        Assert.Contains("municipal", templates);

        using var response = await admin.PostAsJsonAsync("/api/templates/municipal/drafts", new
        {
            key = "municipal", name = "坏模板", track = "municipal",
            stages = new[] { new { key = "publicity", name = "宣传发动" } },
            elements = new object[]
            {
                new { id = "start", type = "startEvent" },
                new { id = "task", type = "userTask", stage = "publicity", title = "任务", role = "mayor" },
                new { id = "orphan", type = "userTask", stage = "publicity", title = "孤立任务", role = "township-staff" },
                new { id = "end", type = "endEvent" },
            },
            flows = new[] { new { from = "start", to = "task" }, new { from = "task", to = "end" } },
        });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var problems = (await response.ReadJsonAsync())["problems"]!.Items().ToList();
        Assert.Contains(problems, p => p.Str("elementId") == "task" && p.Str("field") == "role");
        Assert.Contains(problems, p => p.Str("elementId") == "orphan");
    }
}
