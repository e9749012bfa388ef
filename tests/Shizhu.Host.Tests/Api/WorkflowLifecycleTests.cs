using System.Net;
using System.Net.Http.Json;
using Shizhu.Host.Tests.Infrastructure;

namespace Shizhu.Host.Tests.Api;

[Trait("Category", "Postgres")]
[Trait("Category", "Broker")]
public sealed class WorkflowLifecycleTests(HostFixture fixture) : IClassFixture<HostFixture>
{
    [Fact]
    public async Task StartingAWorkflowPutsItsFirstTasksInTheTownshipStaffInbox()
    {
        var scenario = await Scenario.StartAsync(fixture);
        using var staff = await fixture.LoginAsync(scenario.StaffUser, HostFixture.UserPassword);

        var inbox = (await staff.GetJsonAsync("/api/inbox")).Items().Where(i => i.Str("workflowId") == scenario.WorkflowId).ToList();

        Assert.Equal(["制定创建工作实施方案", "组建创建工作领导小组"], inbox.Select(i => i.Str("title")).Order());
        Assert.All(inbox, i => Assert.Equal("publicity", i.Str("stageKey")));
        Assert.All(inbox, i => Assert.Equal("宣传发动", i.Str("stageName")));
        Assert.All(inbox, i => Assert.Equal($"{scenario.Year}-01-31T15:59:59+00:00", i.Str("dueAt")));
    }

    [Fact]
    public async Task AWorkflowStartedBeforeItsYearAnswersCreatedAndWaitsForJanuary()
    {
        var code = fixture.NextTownshipCode();
        using var admin = await fixture.LoginAsAdminAsync();
        var now = DateTimeOffset.Parse((await admin.GetJsonAsync("/api/clock")).Str("now"), System.Globalization.CultureInfo.InvariantCulture);
        var year = now.ToOffset(TimeSpan.FromHours(8)).Year + 2;
        using var response = await admin.PostAsJsonAsync("/api/workflows", new { townshipCode = code, track = "national", startYear = year });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var workflow = await response.ReadJsonAsync();
        Assert.Equal($"/api/workflows/{workflow.Str("id")}", response.Headers.Location!.OriginalString);
        Assert.Equal(year + 2, workflow["targetYear"]!.GetValue<int>());
        Assert.All(workflow["stages"]!.Items(), s => Assert.Equal("pending", s.Str("status")));
        var waiting = Assert.Single(workflow["waiting"]!.Items());
        Assert.Equal("timer", waiting.Str("kind"));
        Assert.Equal($"{year - 1}-12-31T16:00:00+00:00", waiting.Str("dueAt"));
        Assert.Empty(workflow["tasks"]!.Items());
        Assert.Equal(
            ["publicity", "routine-creation", "department-guidance", "application", "gap-filling", "county-survey", "county-hidden-inspection",
             "county-technical-assessment", "acceptance", "municipal-acceptance", "naming"],
            workflow["stages"]!.Items().Select(s => s.Str("key")));
        // Each stage in its phase of 实施步骤 (ADR 0026), and the plan's default goal.
        Assert.Equal(["publicity", "application", "application", "application", "gap-filling", "gap-filling", "gap-filling", "gap-filling",
             "acceptance", "acceptance", "naming"], workflow["stages"]!.Items().Select(s => s.Str("phase")));
        Assert.Equal(("宣传发动", "查漏补缺"), (workflow["stages"]![0]!.Str("phaseName"), workflow["stages"]![5]!.Str("phaseName")));
        Assert.Equal("named", workflow.Str("goal"));
    }

    [Fact]
    public async Task CompletingEveryTaskOfAStageMovesTheWorkflowToTheNextStage()
    {
        var scenario = await Scenario.StartAsync(fixture);
        using var staff = await fixture.LoginAsync(scenario.StaffUser, HostFixture.UserPassword);

        // The publicity stage: two tasks at once, then the meeting, then the letters.
        for (var round = 0; round < 3; round++)
        {
            var open = (await staff.GetJsonAsync("/api/inbox")).Items().Where(i => i.Str("workflowId") == scenario.WorkflowId).ToList();
            Assert.NotEmpty(open);
            foreach (var task in open)
                await staff.CompleteWithEvidenceAsync(task.Str("id"), new { comment = "已完成" });
        }

        var workflow = await scenario.WorkflowAsync(staff);
        Assert.Equal("application", workflow.Str("currentStageKey"));
        Assert.Equal("completed", workflow["stages"]![0]!.Str("status"));
        Assert.NotNull(workflow["stages"]![0]!["completedAt"]);
        Assert.Equal("active", workflow["stages"]![1]!.Str("status"));
        var applicationTasks = workflow["tasks"]!.Items().Where(t => t.Str("stageKey") == "application").ToList();
        Assert.Equal(["向县爱卫办提出创建申请"], applicationTasks.Select(t => t.Str("title")));

        var journal = (await staff.GetJsonAsync($"/api/workflows/{scenario.WorkflowId}/journal?limit=200")).Items().ToList();
        Assert.Equal("WorkflowStarted", journal[0].Str("kind"));
        Assert.Equal(4, journal.Count(j => j.Str("kind") == "TaskCompleted" && j.Str("actor") == scenario.StaffUser));
        Assert.Contains(journal, j => j.Str("kind") == "StageEntered" && j.Str("detail").Contains("集中创建与申报", StringComparison.Ordinal));
    }

    [Fact]
    public async Task CountyTasksReachTheCountyOfficeInboxAndNotTheTownships()
    {
        var scenario = await Scenario.StartAsync(fixture);
        using var staff = await fixture.LoginAsync(scenario.StaffUser, HostFixture.UserPassword);
        using var admin = await fixture.LoginAsAdminAsync();
        for (var round = 0; round < 4; round++)
            foreach (var task in (await staff.GetJsonAsync("/api/inbox")).Items().Where(i => i.Str("workflowId") == scenario.WorkflowId).ToList())
                await staff.CompleteWithEvidenceAsync(task.Str("id"), new { });

        var adminInbox = (await admin.GetJsonAsync($"/api/inbox?townshipCode={scenario.TownshipCode}")).Items().Where(i => i.Str("workflowId") == scenario.WorkflowId).ToList();
        Assert.Equal(["县爱卫办确认创建申请"], adminInbox.Select(i => i.Str("title")));
        Assert.DoesNotContain((await staff.GetJsonAsync("/api/inbox")).Items(), i => i.Str("workflowId") == scenario.WorkflowId);
    }
}
