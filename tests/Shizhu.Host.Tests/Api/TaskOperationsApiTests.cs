using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Shizhu.Host.Tests.Infrastructure;

namespace Shizhu.Host.Tests.Api;

/// <summary>转办, 委派, 退回, 撤回 and 抄送 over HTTP: the routes, who may, township confinement and the problem documents.</summary>
[Trait("Category", "Postgres")]
[Trait("Category", "Broker")]
public sealed class TaskOperationsApiTests(HostFixture fixture) : IClassFixture<HostFixture>
{
    private static async Task<JsonNode> OpenTaskAsync(Scenario scenario, HttpClient client, string title) =>
        (await client.GetJsonAsync($"/api/workflows/{scenario.WorkflowId}")).AsObject()["tasks"]!.AsArray()
        .Select(t => t!).Last(t => t.Str("status") == "open" && t.Str("title").Contains(title, StringComparison.Ordinal));

    private static string[] Allowed(JsonNode task) => [.. task["operations"]!["allowed"]!.AsArray().Select(a => a!.GetValue<string>())];

    private async Task<string> ColleagueAsync(Scenario scenario)
    {
        var colleague = $"colleague-{Guid.NewGuid():N}"[..18];
        await fixture.CreateUserAsync(colleague, "township-staff", scenario.TownshipCode);
        return colleague;
    }

    [Fact]
    public async Task AStaffMemberTransfersAndDelegatesAndTheTaskDetailListsWhatEachMayDo()
    {
        var scenario = await Scenario.StartAsync(fixture);
        try
        {
            var colleague = await ColleagueAsync(scenario);
            using var staff = await fixture.LoginAsync(scenario.StaffUser, HostFixture.UserPassword);
            using var other = await fixture.LoginAsync(colleague, HostFixture.UserPassword);
            var taskId = (await OpenTaskAsync(scenario, staff, "领导小组")).Str("id");
            Assert.Equal(["claim", "complete", "transfer", "delegate", "copy"], Allowed(await staff.GetJsonAsync($"/api/tasks/{taskId}")));

            using var unknown = await staff.PostAsJsonAsync($"/api/tasks/{taskId}/transfer", new { toUser = "nobody-here", reason = "外出" });
            using var leaderTarget = await staff.PostAsJsonAsync($"/api/tasks/{taskId}/transfer", new { toUser = scenario.LeaderUser, reason = "外出" });
            using var noReason = await staff.PostAsJsonAsync($"/api/tasks/{taskId}/transfer", new { toUser = colleague });
            Assert.Equal([HttpStatusCode.BadRequest, HttpStatusCode.BadRequest, HttpStatusCode.BadRequest],
                [unknown.StatusCode, leaderTarget.StatusCode, noReason.StatusCode]);
            Assert.Equal("用户 nobody-here 不存在。", (await unknown.ReadJsonAsync())["errors"]!["toUser"]![0]!.GetValue<string>());
            Assert.NotNull((await leaderTarget.ReadJsonAsync())["errors"]!["toUser"]);
            Assert.Equal("请填写转办原因。", (await noReason.ReadJsonAsync())["errors"]!["reason"]![0]!.GetValue<string>());

            var transferred = await staff.PostJsonAsync($"/api/tasks/{taskId}/transfer", new { toUser = colleague, reason = "张三外出培训" });
            Assert.Equal(colleague, transferred.Str("assignee"));
            var delegated = await other.PostJsonAsync($"/api/tasks/{taskId}/delegate", new { toUser = scenario.StaffUser, comment = "请代为整理" });
            Assert.Equal(scenario.StaffUser, delegated.Str("assignee"));
            var detail = await staff.GetJsonAsync($"/api/tasks/{taskId}");
            Assert.Equal(["resolve", "copy"], Allowed(detail));
            Assert.Equal((colleague, "pending"), (detail["operations"]!.Str("owner"), detail["operations"]!.Str("delegation")));

            using var delegateCompletes = await staff.PostAsJsonAsync($"/api/tasks/{taskId}/complete", new { });
            Assert.Equal(HttpStatusCode.Conflict, delegateCompletes.StatusCode);
            await staff.PostJsonAsync($"/api/tasks/{taskId}/resolve", new { comment = "已整理" });
            var completed = await other.CompleteWithEvidenceAsync(taskId, new { comment = "确认" });
            Assert.Equal(("completed", colleague), (completed.Str("status"), completed.Str("completedBy")));

            var kinds = (await staff.GetJsonAsync($"/api/workflows/{scenario.WorkflowId}/journal")).Items().Select(j => j.Str("kind")).ToList();
            Assert.Contains("TaskTransferred", kinds);
            Assert.Contains("TaskDelegated", kinds);
            Assert.Contains("DelegationResolved", kinds);
        }
        finally
        {
            await scenario.CancelAsync(fixture);
        }
    }

    [Fact]
    public async Task TheCountyOfficeSendsATaskBackAndTheCompleterWithdrawsTheRedoneTaskWhileTheNextIsUntouched()
    {
        var scenario = await Scenario.StartAsync(fixture);
        try
        {
            var colleague = await ColleagueAsync(scenario);
            using var staff = await fixture.LoginAsync(scenario.StaffUser, HostFixture.UserPassword);
            using var other = await fixture.LoginAsync(colleague, HostFixture.UserPassword);
            using var admin = await fixture.LoginAsAdminAsync();
            foreach (var title in new[] { "领导小组", "实施方案", "动员大会" })
                await staff.CompleteWithEvidenceAsync((await OpenTaskAsync(scenario, staff, title)).Str("id"), new { });
            var letters = await OpenTaskAsync(scenario, staff, "责任书");
            var detail = await admin.GetJsonAsync($"/api/tasks/{letters.Str("id")}");
            var target = detail["operations"]!["sendBackTargets"]!.AsArray().Single()!;

            using var byLeader = await (await fixture.LoginAsync(scenario.LeaderUser, HostFixture.UserPassword))
                .PostAsJsonAsync($"/api/tasks/{letters.Str("id")}/send-back", new { toElementId = target.Str("elementId"), reason = "缺签到表" });
            using var overJoin = await admin.PostAsJsonAsync($"/api/tasks/{letters.Str("id")}/send-back", new { toElementId = "leading-group", reason = "缺签到表" });
            Assert.Equal((HttpStatusCode.Forbidden, HttpStatusCode.BadRequest), (byLeader.StatusCode, overJoin.StatusCode));
            Assert.NotNull((await overJoin.ReadJsonAsync())["errors"]!["toElementId"]);

            var fresh = await admin.PostJsonAsync($"/api/tasks/{letters.Str("id")}/send-back", new { toElementId = target.Str("elementId"), reason = "会议纪要缺少签到表" });
            Assert.Equal(scenario.StaffUser, fresh.Str("assignee"));
            Assert.Equal("会议纪要缺少签到表", (await staff.GetJsonAsync($"/api/tasks/{fresh.Str("id")}"))["operations"]!.Str("handoverNote"));

            await staff.CompleteWithEvidenceAsync(fresh.Str("id"), new { });
            Assert.Contains("withdraw", Allowed(await staff.GetJsonAsync($"/api/tasks/{fresh.Str("id")}")));
            using var notTheirs = await other.PostAsJsonAsync($"/api/tasks/{fresh.Str("id")}/withdraw", new { reason = "选错了" });
            Assert.Equal(HttpStatusCode.Forbidden, notTheirs.StatusCode);
            var reopened = await staff.PostJsonAsync($"/api/tasks/{fresh.Str("id")}/withdraw", new { reason = "附件传错了" });
            Assert.Equal(("open", scenario.StaffUser), (reopened.Str("status"), reopened.Str("assignee")));
        }
        finally
        {
            await scenario.CancelAsync(fixture);
        }
    }

    [Fact]
    public async Task CopiesGoToUsersAndRolesWhoMaySeeTheWorkflowAndListInTheirCopiesWhileOtherTownshipsFindNothing()
    {
        var scenario = await Scenario.StartAsync(fixture);
        var elsewhere = await Scenario.StartAsync(fixture);
        try
        {
            using var staff = await fixture.LoginAsync(scenario.StaffUser, HostFixture.UserPassword);
            using var leader = await fixture.LoginAsync(scenario.LeaderUser, HostFixture.UserPassword);
            using var stranger = await fixture.LoginAsync(elsewhere.StaffUser, HostFixture.UserPassword);
            var taskId = (await OpenTaskAsync(scenario, staff, "领导小组")).Str("id");

            using var outsider = await staff.PostAsJsonAsync($"/api/tasks/{taskId}/copy", new { users = new[] { elsewhere.StaffUser } });
            using var fromElsewhere = await stranger.PostAsJsonAsync($"/api/tasks/{taskId}/copy", new { users = new[] { scenario.LeaderUser } });
            using var noOne = await staff.PostAsJsonAsync($"/api/tasks/{taskId}/copy", new { users = Array.Empty<string>() });
            Assert.Equal([HttpStatusCode.BadRequest, HttpStatusCode.NotFound, HttpStatusCode.BadRequest],
                [outsider.StatusCode, fromElsewhere.StatusCode, noOne.StatusCode]);
            Assert.NotNull((await outsider.ReadJsonAsync())["errors"]!["users[0]"]);

            var copied = await staff.PostJsonAsync($"/api/tasks/{taskId}/copy", new { roles = new[] { "township-leader" }, comment = "请知悉" });
            Assert.Contains(scenario.LeaderUser, copied["copied"]!.AsArray().Select(u => u!.GetValue<string>()));
            Assert.DoesNotContain(elsewhere.LeaderUser, copied["copied"]!.AsArray().Select(u => u!.GetValue<string>()));

            var copies = (await leader.GetJsonAsync("/api/copies?limit=10")).Items().ToList();
            var copy = Assert.Single(copies);
            Assert.Equal((taskId, "请知悉", scenario.StaffUser), (copy.Str("taskId"), copy.Str("comment"), copy.Str("copiedByName")));
            Assert.Empty((await stranger.GetJsonAsync("/api/copies")).Items());
            using var strangerReads = await stranger.PostAsync($"/api/copies/{copy.Str("id")}/read", null);
            Assert.Equal(HttpStatusCode.NotFound, strangerReads.StatusCode);
            var read = await leader.PostJsonAsync($"/api/copies/{copy.Str("id")}/read", new { });
            Assert.NotNull(read["readAt"]);
            using var badLimit = await leader.GetAsync("/api/copies?limit=0");
            Assert.Equal(HttpStatusCode.BadRequest, badLimit.StatusCode);
        }
        finally
        {
            await scenario.CancelAsync(fixture);
            await elsewhere.CancelAsync(fixture);
        }
    }
}
