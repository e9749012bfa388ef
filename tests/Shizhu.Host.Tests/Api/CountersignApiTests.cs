using System.Net;
using System.Net.Http.Json;
using Shizhu.Host.Tests.Infrastructure;

namespace Shizhu.Host.Tests.Api;

/// <summary>A 会签 over HTTP (ADR 0045): each department signs its own instance, and the task answers the 会签's progress.</summary>
[Trait("Category", "Postgres")]
[Trait("Category", "Broker")]
public sealed class CountersignApiTests(HostFixture fixture) : IClassFixture<HostFixture>
{
    [Fact]
    public async Task ADepartmentsUserSignsItsOwnInstanceAndAnotherDepartmentsInstanceDoesNotExistForThem()
    {
        var scenario = await CountersignScenario.StartAsync(fixture);
        using var admin = await fixture.LoginAsAdminAsync();
        using var education = await fixture.LoginAsync(scenario.EducationUser, HostFixture.UserPassword);
        var mine = await scenario.SignatureOfAsync(admin, "education");
        var police = await scenario.SignatureOfAsync(admin, "public-security");

        using (var other = await education.PostAsJsonAsync($"/api/tasks/{police}/complete", new { outcome = "approved" }))
            Assert.Equal(HttpStatusCode.NotFound, other.StatusCode);
        var signed = await education.PostJsonAsync($"/api/tasks/{mine}/complete", new { outcome = "approved", comment = "指导已完成" });

        Assert.Equal(("completed", scenario.EducationUser), (signed.Str("status"), signed.Str("completedBy")));
        var detail = await admin.GetJsonAsync($"/api/tasks/{police}");
        var countersign = detail["countersign"]!;
        Assert.Equal(("会签", 1, 3, "会签 1/3 已签"),
            (countersign.Str("name"), countersign["signed"]!.GetValue<int>(), countersign["total"]!.GetValue<int>(), countersign.Str("label")));
        Assert.Equal(["县教委", "县公安局", "县交通局"], countersign["instances"]!.Items().Select(i => i.Str("departmentName")));
        Assert.Equal(["completed", "open", "open"], countersign["instances"]!.Items().Select(i => i.Str("status")));
        using (var withdraw = await education.PostAsJsonAsync($"/api/tasks/{mine}/withdraw", new { reason = "想改意见" }))
        {
            Assert.Equal(HttpStatusCode.Conflict, withdraw.StatusCode);
            Assert.Contains("会签中的一份签署", (await withdraw.ReadJsonAsync()).Str("detail"), StringComparison.Ordinal);
        }

        using var cancel = await admin.PostAsJsonAsync($"/api/workflows/{scenario.WorkflowId}/cancel", new { reason = "测试结束" });
        cancel.EnsureSuccessStatusCode();
    }
}
