namespace Shizhu.Host.Tests.Infrastructure;

/// <summary>
/// A municipal workflow of a test template whose one task is a 会签 of three county departments (县教委, 县公安局, 县交通局,
/// completion all, outcomes approved / rejected), with an education and a public-security user of their own. As
/// <see cref="DepartmentScenario"/>: the template is published only for the start and retired right after.
/// </summary>
public sealed class CountersignScenario
{
    public required string WorkflowId { get; init; }
    public required string TownshipCode { get; init; }
    public required string EducationUser { get; init; }
    public required string PoliceUser { get; init; }

    public const string Title = "部门会签：卫生乡镇创建技术指导意见";

    public static async Task<CountersignScenario> StartAsync(HostFixture fixture)
    {
        using var admin = await fixture.LoginAsAdminAsync();
        var code = await Scenario.FreeTownshipAsync(fixture, admin);
        var suffix = Guid.NewGuid().ToString("N")[..6];
        var (education, police) = ($"edu-{suffix}", $"police-{suffix}");
        await fixture.CreateUserAsync(education, "county-department", null, "education");
        await fixture.CreateUserAsync(police, "county-department", null, "public-security");

        var workflow = await DepartmentScenario.StartOnTemplateAsync(admin, Template, code);
        return new CountersignScenario { WorkflowId = workflow.Str("id"), TownshipCode = code, EducationUser = education, PoliceUser = police };
    }

    /// <summary>The open signature of <paramref name="departmentCode"/>, as the county office reads the workflow.</summary>
    public async Task<string> SignatureOfAsync(HttpClient admin, string departmentCode) =>
        (await admin.GetJsonAsync($"/api/workflows/{WorkflowId}"))["tasks"]!.Items()
        .Single(t => t.Str("departmentCode") == departmentCode && t.Str("status") == "open").Str("id");

    private static readonly object Template = new
    {
        key = "municipal", name = "测试：部门会签", track = "municipal",
        stages = new[] { new { key = "guidance", name = "部门指导" } },
        elements = new object[]
        {
            new { id = "start", type = "startEvent" },
            new
            {
                id = "sign", type = "userTask", stage = "guidance", title = Title, role = "county-department", scope = "department",
                outcomes = new[] { "approved", "rejected" },
                multiInstance = new { mode = "parallel", departmentCodes = new[] { "education", "public-security", "transport" }, completion = "all" },
            },
            new { id = "end", type = "endEvent" },
        },
        flows = new[] { new { from = "start", to = "sign" }, new { from = "sign", to = "end" } },
    };
}
