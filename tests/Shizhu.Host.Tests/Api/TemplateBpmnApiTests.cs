using System.Net;
using System.Text;
using Shizhu.Host.Tests.Infrastructure;
using Shizhu.Workflows.Templates;
using Shizhu.Workflows.Templates.Versions;

namespace Shizhu.Host.Tests.Api;

/// <summary>
/// BPMN 2.0 XML through the API (ADR 0044): anyone signed in exports a version; only a template administrator imports a
/// file as a draft; a refused file answers with the element and a Chinese reason and saves nothing.
/// </summary>
[Trait("Category", "Postgres")]
[Trait("Category", "Broker")]
public sealed class TemplateBpmnApiTests(HostFixture fixture) : IClassFixture<HostFixture>
{
    private static StringContent Xml(string xml) => new(xml, Encoding.UTF8, "application/bpmn+xml");

    private static async Task<int> MunicipalVersionCountAsync(HttpClient client) =>
        (await client.GetJsonAsync("/api/templates")).Items().Single(t => t.Str("key") == "municipal")["versions"]!.AsArray().Count;

    private static async Task<int> PublishedMunicipalAsync(HttpClient client) =>
        (await client.GetJsonAsync("/api/templates")).Items().Single(t => t.Str("key") == "municipal")["publishedVersion"]!.GetValue<int>();

    [Fact]
    public async Task ATemplateAdministratorImportsTheExportOfAVersionAsADraftThatIsTheSameTemplate()
    {
        using var admin = await fixture.LoginAsAdminAsync();
        var version = await PublishedMunicipalAsync(admin);

        using var export = await admin.GetAsync($"/api/templates/municipal/versions/{version}/bpmn");
        Assert.Equal(HttpStatusCode.OK, export.StatusCode);
        Assert.Equal("application/bpmn+xml", export.Content.Headers.ContentType?.MediaType);
        var xml = await export.Content.ReadAsStringAsync();
        Assert.Contains("xmlns:shizhu=\"https://shizhu.gov.cn/schema/workflows/1\"", xml, StringComparison.Ordinal);

        using var imported = await admin.PostAsync("/api/templates/municipal/drafts/bpmn", Xml(xml));
        Assert.Equal(HttpStatusCode.Created, imported.StatusCode);
        var draft = await imported.ReadJsonAsync();
        Assert.Equal(("draft", version + 1), (draft.Str("status"), draft["version"]!.GetValue<int>()));

        var original = await admin.GetJsonAsync($"/api/templates/municipal/versions/{version}");
        static string Canonical(System.Text.Json.Nodes.JsonNode node) =>
            TemplateDocument.Write(TemplateCatalog.ParseDocument(node["definition"]!.ToJsonString()));
        Assert.Equal(Canonical(original), Canonical(draft));
    }

    [Fact]
    public async Task OnlyATemplateAdministratorImportsAndOnlySomeoneSignedInExports()
    {
        var scenario = await Scenario.StartAsync(fixture);
        using var admin = await fixture.LoginAsAdminAsync();
        using var staff = await fixture.LoginAsync(scenario.StaffUser, HostFixture.UserPassword);
        using var anonymous = fixture.CreateClient();
        var version = await PublishedMunicipalAsync(admin);
        var before = await MunicipalVersionCountAsync(admin);
        var xml = await (await admin.GetAsync($"/api/templates/municipal/versions/{version}/bpmn")).Content.ReadAsStringAsync();

        using var staffExport = await staff.GetAsync($"/api/templates/municipal/versions/{version}/bpmn");
        using var anonymousExport = await anonymous.GetAsync($"/api/templates/municipal/versions/{version}/bpmn");
        using var staffImport = await staff.PostAsync("/api/templates/municipal/drafts/bpmn", Xml(xml));
        using var anonymousImport = await anonymous.PostAsync("/api/templates/municipal/drafts/bpmn", Xml(xml));
        using var missing = await admin.GetAsync("/api/templates/municipal/versions/999/bpmn");

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.Unauthorized, HttpStatusCode.Forbidden, HttpStatusCode.Unauthorized, HttpStatusCode.NotFound),
            (staffExport.StatusCode, anonymousExport.StatusCode, staffImport.StatusCode, anonymousImport.StatusCode, missing.StatusCode));
        Assert.Equal(before, await MunicipalVersionCountAsync(admin));
    }

    [Fact]
    public async Task AnUnsupportedElementAnExternalEntityAndAnOversizeFileAreRefusedWithTheirReasonsAndSaveNothing()
    {
        using var admin = await fixture.LoginAsAdminAsync();
        var before = await MunicipalVersionCountAsync(admin);
        const string head = "<bpmn:definitions xmlns:bpmn=\"http://www.omg.org/spec/BPMN/20100524/MODEL\" id=\"d\" targetNamespace=\"x\">";

        using var unsupported = await admin.PostAsync("/api/templates/municipal/drafts/bpmn",
            Xml($"{head}<bpmn:process id=\"p\"><bpmn:startEvent id=\"s\" /><bpmn:scriptTask id=\"compute\" /></bpmn:process></bpmn:definitions>"));
        using var entity = await admin.PostAsync("/api/templates/municipal/drafts/bpmn",
            Xml($"<?xml version=\"1.0\"?><!DOCTYPE d [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>{head}<bpmn:process id=\"p\" name=\"&x;\" /></bpmn:definitions>"));
        // Expect: 100-continue, so the client waits for the refusal instead of racing it with the 3 MB body (the server
        // answers 413 from Content-Length and closes; a client still writing then fails with a broken pipe).
        using var oversizeRequest = new HttpRequestMessage(HttpMethod.Post, "/api/templates/municipal/drafts/bpmn")
        {
            Content = Xml($"{head}<bpmn:process id=\"p\"><bpmn:documentation>{new string('x', 3 * 1024 * 1024)}</bpmn:documentation></bpmn:process></bpmn:definitions>"),
        };
        oversizeRequest.Headers.ExpectContinue = true;
        using var oversize = await admin.SendAsync(oversizeRequest);

        Assert.Equal((HttpStatusCode.UnprocessableEntity, HttpStatusCode.UnprocessableEntity, HttpStatusCode.RequestEntityTooLarge),
            (unsupported.StatusCode, entity.StatusCode, oversize.StatusCode));
        var problem = await unsupported.ReadJsonAsync();
        Assert.Contains("userTask", problem["errors"]!["compute.bpmn"]![0]!.GetValue<string>(), StringComparison.Ordinal);
        var entityProblem = await entity.Content.ReadAsStringAsync();
        Assert.Contains("DTD", entityProblem, StringComparison.Ordinal);
        Assert.DoesNotContain("root:", entityProblem, StringComparison.Ordinal);
        Assert.Equal("application/problem+json", oversize.Content.Headers.ContentType?.MediaType);
        Assert.Equal(before, await MunicipalVersionCountAsync(admin));
    }

    [Fact]
    public async Task AWorkflowsDiagramStateShowsItsOpenTasksToItsTownshipAndToNoOtherTownship()
    {
        var scenario = await Scenario.StartAsync(fixture);
        var other = await Scenario.StartAsync(fixture);
        using var admin = await fixture.LoginAsAdminAsync();
        using var staff = await fixture.LoginAsync(scenario.StaffUser, HostFixture.UserPassword);
        using var otherStaff = await fixture.LoginAsync(other.StaffUser, HostFixture.UserPassword);
        try
        {
            var state = await staff.GetJsonAsync($"/api/workflows/{scenario.WorkflowId}/diagram-state");
            using var foreign = await otherStaff.GetAsync($"/api/workflows/{scenario.WorkflowId}/diagram-state");

            Assert.Equal(HttpStatusCode.NotFound, foreign.StatusCode);
            Assert.Contains("leading-group", state["active"]!.AsArray().Select(n => n!.GetValue<string>()));
            Assert.Empty(state["completed"]!.AsArray());
            // Every highlighted shape is one the version's BPMN export draws.
            var xml = await (await staff.GetAsync($"/api/templates/municipal/versions/{state["templateVersion"]!.GetValue<int>()}/bpmn")).Content.ReadAsStringAsync();
            Assert.All(state["active"]!.AsArray(), id => Assert.Contains($"id=\"{id!.GetValue<string>()}\"", xml, StringComparison.Ordinal));
        }
        finally
        {
            await admin.PostJsonAsync($"/api/workflows/{scenario.WorkflowId}/cancel", new { reason = "测试结束" });
            await admin.PostJsonAsync($"/api/workflows/{other.WorkflowId}/cancel", new { reason = "测试结束" });
        }
    }
}
