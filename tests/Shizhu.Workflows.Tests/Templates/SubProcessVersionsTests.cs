using System.Text.Json;
using Shizhu.Workflows.Access;
using Shizhu.Workflows.Templates;
using Shizhu.Workflows.Templates.Validation;
using Shizhu.Workflows.Templates.Versions;
using Shizhu.Workflows.Tests.Infrastructure;

using Shizhu.Workflows.Tests.Infrastructure.Databases;

namespace Shizhu.Workflows.Tests.Templates;

/// <summary>A template with sub-processes goes through draft and publish as written, and runs expanded.</summary>
public abstract class SubProcessVersionsTests(EngineDatabase database) : IAsyncLifetime
{
    private static readonly Actor TemplateAdmin = new("template-admin-zhao", new HashSet<string> { Roles.TemplateAdmin }, null);

    private EngineHarness _harness = null!;

    public async Task InitializeAsync() => _harness = await EngineHarness.CreateAsync(database);

    public async Task DisposeAsync() => await _harness.DisposeAsync();

    private Task<TemplateVersionDetail> DraftAsync(TemplateDefinition definition) =>
        _harness.InScopeAsync<TemplateVersions, TemplateVersionDetail>(v =>
            v.CreateDraftAsync(definition.Key, JsonSerializer.SerializeToElement(definition, TemplateCatalog.Json), TemplateAdmin, null, CancellationToken.None));

    [Fact]
    public async Task ADraftWithASubProcessIsStoredAsWrittenAndRunsExpandedOncePublished()
    {
        var draft = await DraftAsync(SubProcessTemplate.Valid);
        Assert.Equal("review", draft.Definition.GetProperty("subProcesses")[0].GetProperty("key").GetString());
        Assert.Equal("subProcess", draft.Definition.GetProperty("elements")[1].GetProperty("type").GetString());

        await _harness.InScopeAsync<TemplateVersions, TemplateVersionDetail>(v => v.PublishAsync("municipal", draft.Version, TemplateAdmin, null, CancellationToken.None));
        var workflow = await _harness.StartAsync(TownshipCodes.Shijia);

        Assert.Equal(draft.Version, workflow.TemplateVersion);
        Assert.Equal("调研检查", (await _harness.OpenTaskAsync(workflow.Id, "survey-check")).Title);
    }

    [Fact]
    public async Task ADraftCallingAnUnknownSubProcessIsRefusedWithTheProblemAtTheCall()
    {
        var refused = await Assert.ThrowsAsync<InvalidTemplateException>(() =>
            DraftAsync(SubProcessTemplate.Valid.Changing("revisit", c => c with { Calls = "inspection" })));

        var problem = Assert.Single(refused.Problems);
        Assert.Equal(("revisit.calls", TemplateProblemCodes.UnknownSubProcess), (problem.Location, problem.Code));
    }
}

[Trait("Category", "Unit")]
public sealed class SubProcessVersionsTestsOnSqlite() : SubProcessVersionsTests(EngineDatabase.Sqlite);

[Trait("Category", "Postgres")]
public sealed class SubProcessVersionsTestsOnPostgres() : SubProcessVersionsTests(EngineDatabase.Postgres);
