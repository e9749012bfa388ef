using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Shizhu.Host.Tests.Infrastructure;

namespace Shizhu.Host.Tests.Api;

/// <summary>
/// Instance migration through the API. The target is a copy of the latest municipal version, published only for the
/// test and retired at its end, so every other test of the collection keeps starting on the same content.
/// </summary>
[Trait("Category", "Postgres")]
[Trait("Category", "Broker")]
public sealed class MigrationsApiTests(HostFixture fixture) : IClassFixture<HostFixture>
{
    [Fact]
    public async Task OnlyTheCountyOfficeAndTemplateAdministratorsMigrateAndAnUnmappableWorkflowAnswers422AndKeepsItsVersion()
    {
        var scenario = await Scenario.StartAsync(fixture);
        using var admin = await fixture.LoginAsAdminAsync();
        var templateAdminUser = $"ta-{Guid.NewGuid().ToString("N")[..6]}";
        await fixture.CreateUserAsync(templateAdminUser, "template-admin", null);
        using var templateAdmin = await fixture.LoginAsync(templateAdminUser, HostFixture.UserPassword);
        using var staff = await fixture.LoginAsync(scenario.StaffUser, HostFixture.UserPassword);
        using var anonymous = fixture.CreateClient();
        var source = (await scenario.WorkflowAsync(admin))["templateVersion"]!.GetValue<int>();
        var target = await PublishCopyAsync(admin, source);
        try
        {
            object Plan(object[]? mappings = null) => new
            {
                templateKey = "municipal", sourceVersion = source, targetVersion = target, mappings = mappings ?? [],
                filter = new { workflowIds = new[] { scenario.WorkflowId } },
            };

            using var byStaff = await staff.PostAsJsonAsync("/api/migrations/dry-run", Plan());
            using var byNobody = await anonymous.PostAsJsonAsync("/api/migrations", Plan());
            using var staffMigrates = await staff.PostAsJsonAsync($"/api/workflows/{scenario.WorkflowId}/migrate", Plan());
            Assert.Equal((HttpStatusCode.Forbidden, HttpStatusCode.Unauthorized, HttpStatusCode.Forbidden),
                (byStaff.StatusCode, byNobody.StatusCode, staffMigrates.StatusCode));

            var dryRun = await templateAdmin.PostJsonAsync("/api/migrations/dry-run", Plan());
            var planned = Assert.Single(dryRun["workflows"]!.Items());
            Assert.Equal(("dryRun", 0), (planned.Str("status"), planned["refusals"]!.AsArray().Count));
            Assert.Equal(source, (await scenario.WorkflowAsync(admin))["templateVersion"]!.GetValue<int>());

            using var badPlan = await admin.PostAsJsonAsync("/api/migrations/dry-run", Plan([new { from = "nowhere", to = "work-plan" }]));
            Assert.Equal(HttpStatusCode.BadRequest, badPlan.StatusCode);
            Assert.NotNull((await badPlan.ReadJsonAsync())["errors"]!["mappings[0].from"]);

            // A user task cannot become a gateway: the whole workflow is refused, nothing changes.
            using var unmappable = await admin.PostAsJsonAsync($"/api/workflows/{scenario.WorkflowId}/migrate",
                Plan([new { from = "leading-group", to = "publicity-join" }]));
            Assert.Equal(HttpStatusCode.UnprocessableEntity, unmappable.StatusCode);
            Assert.Equal("application/problem+json", unmappable.Content.Headers.ContentType?.MediaType);
            var problem = await unmappable.ReadJsonAsync();
            Assert.Contains("未做任何修改", problem.Str("detail"));
            Assert.Contains("只能迁移到用户任务", problem["errors"]!["elements.leading-group"]![0]!.GetValue<string>());
            Assert.Equal(source, (await scenario.WorkflowAsync(admin))["templateVersion"]!.GetValue<int>());

            var migrated = await templateAdmin.PostJsonAsync($"/api/workflows/{scenario.WorkflowId}/migrate", Plan());
            Assert.Equal(("migrated", target), (migrated.Str("status"), migrated["toVersion"]!.GetValue<int>()));
            var workflow = await scenario.WorkflowAsync(staff);
            Assert.Equal(target, workflow["templateVersion"]!.GetValue<int>());
            var journal = (await admin.GetJsonAsync($"/api/workflows/{scenario.WorkflowId}/journal?limit=200")).Items();
            var row = Assert.Single(journal, j => j.Str("kind") == "WorkflowMigrated");
            Assert.Equal((templateAdminUser, target), (row.Str("actor"), row["after"]!["workflow"]!["templateVersion"]!.GetValue<int>()));

            // Executing the plan again as a batch finds nothing left on the source version.
            var batch = await admin.PostJsonAsync("/api/migrations", Plan());
            Assert.Equal(0, batch["selected"]!.GetValue<int>());
        }
        finally
        {
            using var retired = await admin.PostAsJsonAsync($"/api/templates/municipal/versions/{target}/retire", new { });
            retired.EnsureSuccessStatusCode();
            await admin.PostJsonAsync($"/api/workflows/{scenario.WorkflowId}/cancel", new { reason = "迁移测试结束" });
        }
    }

    /// <summary>Saves the version's document as a new draft and publishes it; answers the new version.</summary>
    private static async Task<int> PublishCopyAsync(HttpClient admin, int version)
    {
        var document = (await admin.GetJsonAsync($"/api/templates/municipal/versions/{version}"))["definition"]!;
        using var content = JsonContent.Create(JsonNode.Parse(document.ToJsonString()));
        using var saved = await admin.PostAsync("/api/templates/municipal/drafts", content);
        saved.EnsureSuccessStatusCode();
        var draft = (await saved.ReadJsonAsync())["version"]!.GetValue<int>();
        await admin.PostJsonAsync($"/api/templates/municipal/versions/{draft}/publish", new { });
        return draft;
    }
}
