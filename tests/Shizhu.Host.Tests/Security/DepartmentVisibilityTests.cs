using System.Net.Http.Json;
using Shizhu.Host.Tests.Infrastructure;

namespace Shizhu.Host.Tests.Security;

/// <summary>Issue 10, item 1: a department's staff read the workflow's stages and their own department's tasks and journal rows, nothing else.</summary>
[Trait("Category", "Postgres")]
[Trait("Category", "Broker")]
public sealed class DepartmentVisibilityTests(HostFixture fixture) : IClassFixture<HostFixture>
{
    [Fact]
    public async Task ADepartmentReadsTheStagesAndOnlyItsOwnTasksAndJournalRowsOfAWorkflow()
    {
        var scenario = await DepartmentScenario.StartAsync(fixture);
        using var admin = await fixture.LoginAsAdminAsync();
        try
        {
            var school = await scenario.TaskIdAsync(admin, DepartmentScenario.SchoolCheck);
            var market = await scenario.TaskIdAsync(admin, DepartmentScenario.MarketCheck);
            using var police = await fixture.LoginAsync(scenario.PoliceUser, HostFixture.UserPassword);
            await police.PostJsonAsync($"/api/tasks/{market}/complete", new { comment = "市场秩序良好" });
            using var education = await fixture.LoginAsync(scenario.EducationUser, HostFixture.UserPassword);

            var workflow = await education.GetJsonAsync($"/api/workflows/{scenario.WorkflowId}");
            var task = Assert.Single(workflow["tasks"]!.Items());
            Assert.Equal((school, "education"), (task.Str("id"), task.Str("departmentCode")));
            Assert.Equal(["checks"], workflow["stages"]!.Items().Select(s => s.Str("key")));
            Assert.Empty(workflow["waiting"]!.Items());

            var journal = (await education.GetJsonAsync($"/api/workflows/{scenario.WorkflowId}/journal?limit=200")).Items().ToList();
            Assert.NotEmpty(journal);
            var text = string.Join("\n", journal.Select(j => j.ToJsonString()));
            Assert.Contains(school, text);
            Assert.DoesNotContain(market, text);
            Assert.DoesNotContain(DepartmentScenario.TownshipReport, text);
            Assert.DoesNotContain("市场秩序良好", text);

            // The county office still reads the whole workflow.
            Assert.Equal(3, (await admin.GetJsonAsync($"/api/workflows/{scenario.WorkflowId}"))["tasks"]!.Items().Count());
            Assert.Contains((await admin.GetJsonAsync($"/api/workflows/{scenario.WorkflowId}/journal?limit=200")).Items(),
                j => j.ToJsonString().Contains(market, StringComparison.Ordinal));
        }
        finally
        {
            using var cancel = await admin.PostAsJsonAsync($"/api/workflows/{scenario.WorkflowId}/cancel", new { reason = "测试结束" });
        }
    }
}
