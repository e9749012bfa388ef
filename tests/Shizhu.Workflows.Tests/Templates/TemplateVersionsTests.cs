using System.Text.Json;
using Shizhu.Workflows.Access;
using Shizhu.Workflows.Runtime;
using Shizhu.Workflows.Templates;
using Shizhu.Workflows.Templates.Validation;
using Shizhu.Workflows.Templates.Versions;
using Shizhu.Workflows.Tests.Infrastructure;

using Shizhu.Workflows.Tests.Infrastructure.Databases;

namespace Shizhu.Workflows.Tests.Templates;

/// <summary>Draft → publish → retire, on the engine as the Host wires it; running workflows keep their version.</summary>
public abstract class TemplateVersionsTests(EngineDatabase database) : IAsyncLifetime
{
    private static readonly Actor TemplateAdmin = new("template-admin-zhao", new HashSet<string> { Roles.TemplateAdmin }, null);

    private EngineHarness _harness = null!;

    public async Task InitializeAsync() => _harness = await EngineHarness.CreateAsync(database);

    public async Task DisposeAsync() => await _harness.DisposeAsync();

    private Task<T> Versions<T>(Func<TemplateVersions, Task<T>> use) => _harness.InScopeAsync(use);

    private Task<TemplateVersionDetail> DraftAsync(TemplateDefinition definition, string? key = null, Actor? actor = null) =>
        Versions(v => v.CreateDraftAsync(key ?? definition.Key, JsonSerializer.SerializeToElement(definition, TemplateCatalog.Json), actor ?? TemplateAdmin, null, CancellationToken.None));

    private Task<TemplateVersionDetail> PublishAsync(string key, int version, Actor? actor = null) =>
        Versions(v => v.PublishAsync(key, version, actor ?? TemplateAdmin, null, CancellationToken.None));

    private Task<TemplateVersionDetail> RetireAsync(string key, int version, Actor? actor = null) =>
        Versions(v => v.RetireAsync(key, version, actor ?? TemplateAdmin, null, CancellationToken.None));

    [Fact]
    public async Task TheBuiltInTemplatesAreListedAsPublishedVersionOne()
    {
        var templates = await Versions(v => v.ListAsync(CancellationToken.None));
        Assert.Equal(["municipal", "national"], templates.Select(t => t.Key));
        Assert.All(templates, t =>
        {
            Assert.Equal(1, t.PublishedVersion);
            var version = Assert.Single(t.Versions);
            Assert.Equal((1, TemplateStatus.Published, EngineHarness.January2022), (version.Version, version.Status, version.PublishedAt));
        });
    }

    [Fact]
    public async Task TheListNamesWhoSavedAndWhoPublishedEachVersionByTheDisplayNameTheyHadThen()
    {
        var saver = TemplateAdmin with { DisplayName = "赵敏" };
        var publisher = new Actor("template-admin-qian", new HashSet<string> { Roles.TemplateAdmin }, null, DisplayName: "钱伟");
        var draft = await DraftAsync(TinyTemplate.Valid, actor: saver);
        var beforePublishing = (await Versions(v => v.ListAsync(CancellationToken.None))).Single(t => t.Key == "municipal").Versions[0];
        Assert.Equal(("template-admin-zhao", "赵敏", (string?)null), (beforePublishing.CreatedBy, beforePublishing.CreatedByName, beforePublishing.PublishedBy));

        await PublishAsync("municipal", draft.Version, publisher);

        var versions = (await Versions(v => v.ListAsync(CancellationToken.None))).Single(t => t.Key == "municipal").Versions;
        Assert.Equal(("template-admin-qian", "钱伟"), (versions[0].PublishedBy, versions[0].PublishedByName));
        Assert.Equal((TemplateVersion.BuiltInAuthor, (string?)null), (versions[1].CreatedBy, versions[1].PublishedBy));
    }

    [Fact]
    public async Task ADraftIsTheNextVersionAndNewWorkflowsDoNotStartOnIt()
    {
        var draft = await DraftAsync(TinyTemplate.Valid);

        Assert.Equal(("municipal", 2, TemplateStatus.Draft, (DateTimeOffset?)null), (draft.Key, draft.Version, draft.Status, draft.PublishedAt));
        Assert.Equal("提交创建材料", draft.Definition.GetProperty("elements")[1].GetProperty("title").GetString());
        var started = await _harness.StartAsync(TownshipCodes.Shijia);
        Assert.Equal(1, started.TemplateVersion);
    }

    [Fact]
    public async Task AVersionGoesFromDraftToPublishedToRetiredAndRunningWorkflowsKeepTheirs()
    {
        var v2 = await DraftAsync(TinyTemplate.Valid);
        var published = await PublishAsync("municipal", v2.Version);
        Assert.Equal((TemplateStatus.Published, (DateTimeOffset?)EngineHarness.January2022), (published.Status, published.PublishedAt));
        var onV2 = await _harness.StartAsync(TownshipCodes.Shijia);
        Assert.Equal(2, onV2.TemplateVersion);
        Assert.Equal(["submit"], (await _harness.TasksAsync(onV2.Id)).Select(t => t.ElementId));

        var v3 = await DraftAsync(TinyTemplate.Valid.Changing("submit", e => e with { Title = "提交创建材料（第三版）" }));
        await PublishAsync("municipal", v3.Version);
        var onV3 = await _harness.StartAsync(TownshipCodes.Jinling);
        Assert.Equal(3, onV3.TemplateVersion);
        Assert.Equal(2, (await _harness.WorkflowAsync(onV2.Id)).TemplateVersion);
        await _harness.CompleteAsync(onV2.Id, "submit");
        Assert.Equal("县爱卫办审核", (await _harness.OpenTaskAsync(onV2.Id, "check")).Title);

        var retired = await RetireAsync("municipal", 3);
        Assert.Equal(TemplateStatus.Retired, retired.Status);
        var afterRetiring = await _harness.StartAsync(TownshipCodes.Huangshui);
        Assert.Equal(2, afterRetiring.TemplateVersion);
        await _harness.CompleteAsync(onV3.Id, "submit");
        Assert.Equal(3, (await _harness.WorkflowAsync(onV3.Id)).TemplateVersion);

        var listed = Assert.Single(await Versions(v => v.ListAsync(CancellationToken.None)), t => t.Key == "municipal");
        Assert.Equal(2, listed.PublishedVersion);
        Assert.Equal([(3, TemplateStatus.Retired), (2, TemplateStatus.Published), (1, TemplateStatus.Published)],
            listed.Versions.Select(v => (v.Version, v.Status)));
    }

    [Fact]
    public async Task ABadDraftIsRefusedWithEveryProblemLocatedAndNothingIsSaved()
    {
        var bad = TinyTemplate.Valid.Changing("submit", e => e with { Role = "village-doctor" }).Changing("checked", e => e with { Default = "nowhere" });

        var refusal = await Assert.ThrowsAsync<InvalidTemplateException>(() => DraftAsync(bad));

        Assert.Equal([("submit", "role"), ("checked", "default")], refusal.Problems.Select(p => (p.ElementId, p.Field)));
        Assert.Equal(1, _harness.Read(db => db.Templates.Count(t => t.Key == "municipal")));
    }

    [Fact]
    public async Task TheKeyInTheAddressMustBeTheDocumentsKey()
    {
        var refusal = await Assert.ThrowsAsync<InvalidTemplateException>(() => DraftAsync(TinyTemplate.Valid, key: "national"));
        var problem = Assert.Single(refusal.Problems);
        Assert.Equal(("template", "key", TemplateProblemCodes.KeyMismatch), (problem.ElementId, problem.Field, problem.Code));
    }

    [Fact]
    public async Task OnlyATemplateAdministratorMayChangeTemplates()
    {
        var draft = await DraftAsync(TinyTemplate.Valid);
        foreach (var change in new Func<Task>[]
        {
            () => DraftAsync(TinyTemplate.Valid, actor: TestActors.CountyAdmin),
            () => PublishAsync("municipal", draft.Version, TestActors.CountyAdmin),
            () => RetireAsync("municipal", 1, TestActors.CountyAdmin),
        })
            Assert.Equal(WorkflowErrorKind.Forbidden, (await Assert.ThrowsAsync<WorkflowException>(change)).Kind);
    }

    [Fact]
    public async Task APublishedVersionIsNeverPublishedAgainAndOnlyPublishedVersionsRetire()
    {
        var draft = await DraftAsync(TinyTemplate.Valid);

        Assert.Equal(WorkflowErrorKind.Conflict, (await Assert.ThrowsAsync<WorkflowException>(() => PublishAsync("municipal", 1))).Kind);
        Assert.Equal(WorkflowErrorKind.Conflict, (await Assert.ThrowsAsync<WorkflowException>(() => RetireAsync("municipal", draft.Version))).Kind);
        Assert.Equal(WorkflowErrorKind.NotFound, (await Assert.ThrowsAsync<WorkflowException>(() => PublishAsync("municipal", 9))).Kind);
    }

    [Fact]
    public async Task TheOnlyPublishedVersionCannotBeRetiredSinceNoWorkflowCouldStart()
    {
        var refusal = await Assert.ThrowsAsync<WorkflowException>(() => RetireAsync("national", 1));
        Assert.Equal(WorkflowErrorKind.Conflict, refusal.Kind);
        Assert.Contains("唯一", refusal.Message);
    }

    [Fact]
    public async Task AnOlderDraftCannotBePublishedOverANewerPublishedVersion()
    {
        var older = await DraftAsync(TinyTemplate.Valid);
        var newer = await DraftAsync(TinyTemplate.Valid);
        await PublishAsync("municipal", newer.Version);

        Assert.Equal(WorkflowErrorKind.Conflict, (await Assert.ThrowsAsync<WorkflowException>(() => PublishAsync("municipal", older.Version))).Kind);
    }

    [Fact]
    public async Task PublishingValidatesTheDraftAgain()
    {
        await _harness.AddTemplateAsync(TinyTemplate.Valid.Changing("submit", e => e with { Title = null }), 2, TemplateStatus.Draft);

        var refusal = await Assert.ThrowsAsync<InvalidTemplateException>(() => PublishAsync("municipal", 2));

        Assert.Equal(("submit", "title"), (refusal.Problems[0].ElementId, refusal.Problems[0].Field));
        Assert.Equal(TemplateStatus.Draft, _harness.Read(db => db.Templates.Single(t => t.Key == "municipal" && t.Version == 2).Status));
    }

    [Fact]
    public async Task ValidatingAStoredVersionReportsItsProblemsWithoutChangingIt()
    {
        await _harness.AddTemplateAsync(TinyTemplate.Valid.Changing("submit", e => e with { Stage = "inspection" }), 2, TemplateStatus.Draft);

        var bad = await Versions(v => v.ValidateAsync("municipal", 2, CancellationToken.None));
        var good = await Versions(v => v.ValidateAsync("national", 1, CancellationToken.None));

        Assert.False(bad.Valid);
        Assert.Equal(("submit", "stage"), (Assert.Single(bad.Problems).ElementId, bad.Problems[0].Field));
        Assert.Equal((true, TemplateStatus.Published), (good.Valid, good.Status));
    }

    [Fact]
    public async Task AVersionReadBackCanBeSavedAgainAsTheNextDraft()
    {
        var national = await Versions(v => v.GetAsync("national", 1, CancellationToken.None));
        Assert.NotNull(national);
        Assert.Equal((TemplateStatus.Published, "国家卫生乡镇创建"), (national.Status, national.Name));

        var copy = await Versions(v => v.CreateDraftAsync("national", national.Definition, TemplateAdmin, null, CancellationToken.None));

        Assert.Equal(2, copy.Version);
        Assert.Null(await Versions(v => v.GetAsync("national", 7, CancellationToken.None)));
    }
}

[Trait("Category", "Unit")]
public sealed class TemplateVersionsTestsOnSqlite() : TemplateVersionsTests(EngineDatabase.Sqlite);

[Trait("Category", "Postgres")]
public sealed class TemplateVersionsTestsOnPostgres() : TemplateVersionsTests(EngineDatabase.Postgres);
