using System.Net;
using System.Net.Http.Json;
using Shizhu.Host.Tests.Infrastructure;

namespace Shizhu.Host.Tests.Api;

[Trait("Category", "Postgres")]
[Trait("Category", "Broker")]
public sealed class TaskAssignmentApiTests(HostFixture fixture) : IClassFixture<HostFixture>
{
    private async Task<string> FirstTaskIdAsync(Scenario scenario, HttpClient client) =>
        (await client.GetJsonAsync("/api/inbox")).Items().First(i => i.Str("workflowId") == scenario.WorkflowId).Str("id");

    [Fact]
    public async Task AClaimedTaskAnswersConflictToAColleagueUntilTheLeaderReassignsIt()
    {
        var scenario = await Scenario.StartAsync(fixture);
        try
        {
            var colleague = $"colleague-{Guid.NewGuid():N}"[..18];
            await fixture.CreateUserAsync(colleague, "township-staff", scenario.TownshipCode);
            using var staff = await fixture.LoginAsync(scenario.StaffUser, HostFixture.UserPassword);
            using var other = await fixture.LoginAsync(colleague, HostFixture.UserPassword);
            using var leader = await fixture.LoginAsync(scenario.LeaderUser, HostFixture.UserPassword);
            var taskId = await FirstTaskIdAsync(scenario, staff);

            var claimed = await staff.PostJsonAsync($"/api/tasks/{taskId}/claim", new { });
            using var rivalClaim = await other.PostAsync($"/api/tasks/{taskId}/claim", null);
            using var rivalComplete = await other.PostAsJsonAsync($"/api/tasks/{taskId}/complete", new { });

            Assert.Equal(scenario.StaffUser, claimed.Str("assignee"));
            Assert.Equal(HttpStatusCode.Conflict, rivalClaim.StatusCode);
            Assert.Equal($"该任务已由 {scenario.StaffUser} 领办。", (await rivalClaim.ReadJsonAsync()).Str("detail"));
            Assert.Equal(HttpStatusCode.Conflict, rivalComplete.StatusCode);

            var reassigned = await leader.PostJsonAsync($"/api/tasks/{taskId}/assign", new { userName = colleague });
            Assert.Equal(colleague, reassigned.Str("assignee"));
            await other.CompleteWithEvidenceAsync(taskId, new { comment = "已办结" });

            var journal = (await leader.GetJsonAsync($"/api/workflows/{scenario.WorkflowId}/journal?limit=200")).Items().ToList();
            Assert.Contains(journal, j => j.Str("kind") == "TaskClaimed" && j.Str("actor") == scenario.StaffUser);
            Assert.Contains(journal, j => j.Str("kind") == "TaskAssigned" && j.Str("actor") == scenario.LeaderUser
                                          && j.Str("detail").EndsWith($"（办理人：{scenario.StaffUser} → {colleague}）", StringComparison.Ordinal));
        }
        finally
        {
            await scenario.CancelAsync(fixture);
        }
    }

    [Fact]
    public async Task AssigningChecksTheUserInIdentityAndOnlyLeadersAndTheCountyOfficeMayAssign()
    {
        var scenario = await Scenario.StartAsync(fixture);
        try
        {
            using var staff = await fixture.LoginAsync(scenario.StaffUser, HostFixture.UserPassword);
            using var leader = await fixture.LoginAsync(scenario.LeaderUser, HostFixture.UserPassword);
            using var admin = await fixture.LoginAsAdminAsync();
            var taskId = await FirstTaskIdAsync(scenario, staff);

            using var unknown = await leader.PostAsJsonAsync($"/api/tasks/{taskId}/assign", new { userName = "nobody-here" });
            using var empty = await leader.PostAsJsonAsync($"/api/tasks/{taskId}/assign", new { userName = " " });
            using var wrongRole = await admin.PostAsJsonAsync($"/api/tasks/{taskId}/assign", new { userName = scenario.LeaderUser });
            using var byStaff = await staff.PostAsJsonAsync($"/api/tasks/{taskId}/assign", new { userName = scenario.StaffUser });

            Assert.Equal([HttpStatusCode.BadRequest, HttpStatusCode.BadRequest, HttpStatusCode.BadRequest, HttpStatusCode.Forbidden],
                [unknown.StatusCode, empty.StatusCode, wrongRole.StatusCode, byStaff.StatusCode]);
            Assert.Equal("用户 nobody-here 不存在。", (await unknown.ReadJsonAsync())["errors"]!["userName"]![0]!.GetValue<string>());
            Assert.NotNull((await wrongRole.ReadJsonAsync())["errors"]!["userName"]);

            var assigned = await admin.PostJsonAsync($"/api/tasks/{taskId}/assign", new { userName = scenario.StaffUser });
            Assert.Equal(scenario.StaffUser, assigned.Str("assignee"));
        }
        finally
        {
            await scenario.CancelAsync(fixture);
        }
    }

    [Fact]
    public async Task RepeatingAClaimWithTheSameIdempotencyKeyAnswersTheFirstResultAfterARelease()
    {
        var scenario = await Scenario.StartAsync(fixture);
        try
        {
            using var staff = await fixture.LoginAsync(scenario.StaffUser, HostFixture.UserPassword);
            var taskId = await FirstTaskIdAsync(scenario, staff);
            async Task<string> ClaimAsync()
            {
                using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/tasks/{taskId}/claim");
                request.Headers.Add("Idempotency-Key", "claim-once");
                using var response = await staff.SendAsync(request);
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                return await response.Content.ReadAsStringAsync();
            }

            var first = await ClaimAsync();
            var released = await staff.PostJsonAsync($"/api/tasks/{taskId}/release", new { });
            var repeat = await ClaimAsync();

            Assert.Null(released["assignee"]);
            Assert.Equal(first, repeat);
            Assert.Null((await staff.GetJsonAsync($"/api/tasks/{taskId}"))["assignee"]);
        }
        finally
        {
            await scenario.CancelAsync(fixture);
        }
    }
}
