using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using Shizhu.Host.Tests.Infrastructure;

namespace Shizhu.Host.Tests.Api;

/// <summary>County departments' staff (县级部门) over HTTP: their accounts, their inbox, their tasks and nobody else's.</summary>
[Trait("Category", "Postgres")]
[Trait("Category", "Broker")]
public sealed class DepartmentTasksApiTests(HostFixture fixture) : IClassFixture<HostFixture>
{
    private static readonly byte[] Pdf = Encoding.ASCII.GetBytes("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");

    private static object NewUser(string role, string? departmentCode = null, string? townshipCode = null, string[]? roles = null) => new
    {
        userName = "dept-user-" + Guid.NewGuid().ToString("N")[..6], password = HostFixture.UserPassword, displayName = "部门人员",
        roles = roles ?? [role], departmentCode, townshipCode,
    };

    [Fact]
    public async Task TheCountyOfficeCreatesADepartmentsUserWithAKnownDepartment()
    {
        using var admin = await fixture.LoginAsAdminAsync();
        var departments = (await admin.GetJsonAsync("/api/departments")).Items().ToDictionary(d => d.Str("code"), d => d.Str("name"));
        Assert.Equal("县教委", departments["education"]);

        using var response = await admin.PostAsJsonAsync("/api/users", NewUser("county-department", "education"));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var created = await response.ReadJsonAsync();
        Assert.Equal(("education", (string?)null), (created.Str("departmentCode"), created["townshipCode"]?.GetValue<string>()));
    }

    [Fact]
    public async Task AnUnknownDepartmentAnswersUnprocessableNamingTheField()
    {
        using var admin = await fixture.LoginAsAdminAsync();

        using var response = await admin.PostAsJsonAsync("/api/users", NewUser("county-department", "fire-brigade"));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        var message = (await response.ReadJsonAsync())["errors"]!["departmentCode"]![0]!.GetValue<string>();
        Assert.Contains("fire-brigade", message, StringComparison.Ordinal);
        Assert.Contains("不存在", message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("county-department", null, null, "departmentCode")]
    [InlineData("township-staff", "education", "500240105", "departmentCode")]
    [InlineData("county-admin", "education", null, "departmentCode")]
    [InlineData("county-department", "education", "500240105", "townshipCode")]
    public async Task ADepartmentIsRequiredOfDepartmentStaffAndRefusedForEveryoneElse(string role, string? department, string? township, string field)
    {
        using var admin = await fixture.LoginAsAdminAsync();

        using var response = await admin.PostAsJsonAsync("/api/users", NewUser(role, department, township));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Matches(@"\p{IsCJKUnifiedIdeographs}", (await response.ReadJsonAsync())["errors"]![field]![0]!.GetValue<string>());
    }

    [Fact]
    public async Task DepartmentStaffHoldNoOtherRole()
    {
        using var admin = await fixture.LoginAsAdminAsync();

        using var response = await admin.PostAsJsonAsync("/api/users",
            NewUser("", "education", roles: ["county-department", "county-leader"]));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.NotNull((await response.ReadJsonAsync())["errors"]!["roles"]);
    }

    [Fact]
    public async Task ADepartmentsUserWorksOnItsDepartmentsTaskAndAnotherDepartmentsTaskDoesNotExistForThem()
    {
        var scenario = await DepartmentScenario.StartAsync(fixture);
        using var admin = await fixture.LoginAsAdminAsync();
        using var education = await fixture.LoginAsync(scenario.EducationUser, HostFixture.UserPassword);
        using var staff = await fixture.LoginAsync(scenario.StaffUser, HostFixture.UserPassword);
        var school = await scenario.TaskIdAsync(admin, DepartmentScenario.SchoolCheck);
        var market = await scenario.TaskIdAsync(admin, DepartmentScenario.MarketCheck);

        var inbox = (await education.GetJsonAsync($"/api/inbox?townshipCode={scenario.TownshipCode}")).Items().Where(i => i.Str("workflowId") == scenario.WorkflowId).ToList();
        var item = Assert.Single(inbox);
        Assert.Equal((school, "department", "education", "县教委"),
            (item.Str("id"), item.Str("scope"), item.Str("departmentCode"), item.Str("departmentName")));
        var detail = await education.GetJsonAsync($"/api/tasks/{school}");
        Assert.Equal(("county-department", "education", scenario.TownshipCode), (detail.Str("role"), detail.Str("departmentCode"), detail.Str("townshipCode")));
        Assert.Equal(HttpStatusCode.OK, (await education.GetAsync($"/api/workflows/{scenario.WorkflowId}")).StatusCode);

        using (var otherTask = await education.GetAsync($"/api/tasks/{market}"))
            Assert.Equal(HttpStatusCode.NotFound, otherTask.StatusCode);
        using (var otherComplete = await education.PostAsJsonAsync($"/api/tasks/{market}/complete", new { }))
            Assert.Equal(HttpStatusCode.NotFound, otherComplete.StatusCode);
        using (var township = await staff.PostAsJsonAsync($"/api/tasks/{school}/complete", new { outcome = "passed" }))
            Assert.Equal(HttpStatusCode.Forbidden, township.StatusCode);

        using (var form = new MultipartFormDataContent())
        {
            var file = new ByteArrayContent(Pdf);
            file.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
            form.Add(file, "file", "学校检查记录.pdf");
            form.Add(new StringContent("check-record"), "requirement");
            using var upload = await education.PostAsync($"/api/tasks/{school}/evidence", form);
            Assert.Equal(HttpStatusCode.Created, upload.StatusCode);
        }
        var completed = await education.PostJsonAsync($"/api/tasks/{school}/complete", new { outcome = "passed", comment = "学校卫生达标" });
        Assert.Equal(("completed", scenario.EducationUser, "education"),
            (completed.Str("status"), completed.Str("completedBy"), completed.Str("departmentCode")));

        using var police = await fixture.LoginAsync(scenario.PoliceUser, HostFixture.UserPassword);
        Assert.Contains((await police.GetJsonAsync($"/api/inbox?townshipCode={scenario.TownshipCode}")).Items(), i => i.Str("id") == market);
        // A department with no task in the workflow does not see it at all.
        using var transport = await fixture.LoginAsync("dept-transport", HostFixture.UserPassword);
        using (var hidden = await transport.GetAsync($"/api/workflows/{scenario.WorkflowId}"))
            Assert.Equal(HttpStatusCode.NotFound, hidden.StatusCode);
        Assert.DoesNotContain((await transport.GetJsonAsync($"/api/workflows?townshipCode={scenario.TownshipCode}")).Items(), w => w.Str("id") == scenario.WorkflowId);

        using var cancel = await admin.PostAsJsonAsync($"/api/workflows/{scenario.WorkflowId}/cancel", new { reason = "测试结束" });
        cancel.EnsureSuccessStatusCode();
    }
}
