using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Shizhu.Host.Tests.Infrastructure;

/// <summary>
/// A municipal workflow of a test template in which two county departments check a township (县教委 checks its
/// schools, 县公安局 its market) beside the township's own report, with an education and a public-security user and
/// a township staff member of its own. The template is published only for the start and retired right after, so
/// every other test keeps starting on the built-in template (tests of one collection run one after another).
/// </summary>
public sealed class DepartmentScenario
{
    public required string WorkflowId { get; init; }
    public required string TownshipCode { get; init; }
    public required string EducationUser { get; init; }
    public required string PoliceUser { get; init; }
    public required string StaffUser { get; init; }

    public static async Task<DepartmentScenario> StartAsync(HostFixture fixture)
    {
        using var admin = await fixture.LoginAsAdminAsync();
        var code = await Scenario.FreeTownshipAsync(fixture, admin);
        var suffix = Guid.NewGuid().ToString("N")[..6];
        var (education, police, staff) = ($"edu-{suffix}", $"police-{suffix}", $"staff-{suffix}");
        await fixture.CreateUserAsync(education, "county-department", null, "education");
        await fixture.CreateUserAsync(police, "county-department", null, "public-security");
        await fixture.CreateUserAsync(staff, "township-staff", code);

        var workflow = await StartOnTemplateAsync(admin, Template, code);
        return new DepartmentScenario
        {
            WorkflowId = workflow.Str("id"), TownshipCode = code, EducationUser = education, PoliceUser = police, StaffUser = staff,
        };
    }

    /// <summary>
    /// Starts a municipal workflow for <paramref name="townshipCode"/> on <paramref name="template"/>, published only for
    /// the start and retired right after, so every other test keeps starting on the built-in template.
    /// </summary>
    public static async Task<JsonNode> StartOnTemplateAsync(HttpClient admin, object template, string townshipCode)
    {
        var draft = await admin.PostJsonAsync("/api/templates/municipal/drafts", template);
        var version = draft["version"]!.GetValue<int>();
        await admin.PostJsonAsync($"/api/templates/municipal/versions/{version}/publish", new { });
        try
        {
            var now = DateTimeOffset.Parse((await admin.GetJsonAsync("/api/clock")).Str("now"), System.Globalization.CultureInfo.InvariantCulture);
            return await admin.PostJsonAsync("/api/workflows",
                new { townshipCode, track = "municipal", startYear = now.ToOffset(TimeSpan.FromHours(8)).Year });
        }
        finally
        {
            using var retired = await admin.PostAsJsonAsync($"/api/templates/municipal/versions/{version}/retire", new { });
            retired.EnsureSuccessStatusCode();
        }
    }

    /// <summary>The workflow's open task <paramref name="title"/>, as the county office reads it.</summary>
    public async Task<string> TaskIdAsync(HttpClient admin, string title) =>
        (await admin.GetJsonAsync($"/api/workflows/{WorkflowId}"))["tasks"]!.Items()
        .Single(t => t.Str("title") == title && t.Str("status") == "open").Str("id");

    public const string SchoolCheck = "检查学校卫生";
    public const string MarketCheck = "检查农贸市场秩序";
    public const string TownshipReport = "报送自查报告";

    private static readonly object Template = new
    {
        key = "municipal", name = "测试：县级部门检查", track = "municipal",
        stages = new[] { new { key = "checks", name = "部门检查" } },
        elements = new object[]
        {
            new { id = "start", type = "startEvent" },
            new { id = "fork", type = "parallelGateway" },
            new
            {
                id = "school-check", type = "userTask", stage = "checks", title = SchoolCheck, role = "county-department",
                scope = "department", departmentCode = "education", outcomes = new[] { "passed", "failed" },
                evidence = new[] { new { key = "check-record", label = "检查记录", required = false } },
            },
            new
            {
                id = "market-check", type = "userTask", stage = "checks", title = MarketCheck, role = "county-department",
                scope = "department", departmentCode = "public-security",
            },
            new { id = "township-report", type = "userTask", stage = "checks", title = TownshipReport, role = "township-staff", scope = "township" },
            new { id = "join", type = "parallelGateway" },
            new { id = "end", type = "endEvent" },
        },
        flows = new[]
        {
            new { from = "start", to = "fork" },
            new { from = "fork", to = "school-check" }, new { from = "fork", to = "market-check" }, new { from = "fork", to = "township-report" },
            new { from = "school-check", to = "join" }, new { from = "market-check", to = "join" }, new { from = "township-report", to = "join" },
            new { from = "join", to = "end" },
        },
    };
}
