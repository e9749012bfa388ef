using Microsoft.EntityFrameworkCore;
using Shizhu.Workflows.ReferenceData;
using Shizhu.Workflows.Templates;
using Shizhu.Workflows.Tests.Infrastructure;

using Shizhu.Workflows.Tests.Infrastructure.Databases;

namespace Shizhu.Workflows.Tests.Persistence;

/// <summary>
/// A release that changes a built-in template reaches databases seeded by an earlier one: the seeder publishes the
/// shipped content as the next version when the newest version is still the engine's own, leaves running workflows
/// on theirs, and never puts itself above an administrator's version (ADR 0015).
/// </summary>
public abstract class BuiltInTemplateUpgradeTests(EngineDatabase database)
{
    [Fact]
    public async Task ADatabaseOnTheEarlierBuiltInGetsTheShippedOneAsTheNextPublishedVersion()
    {
        await using var harness = await EngineHarness.CreateAsync(database);
        await SeededByAnEarlierReleaseAsync(harness);
        var running = await harness.StartAsync(TownshipCodes.Shijia);

        await SeedAsync(harness);

        await using var db = harness.NewDbContext();
        var versions = await db.Templates.Where(t => t.Key == "municipal").OrderBy(t => t.Version).ToListAsync();
        Assert.Equal([(1, TemplateStatus.Published), (2, TemplateStatus.Published)], versions.Select(v => (v.Version, v.Status)));
        Assert.Equal(TemplateVersion.BuiltInAuthor, versions[1].CreatedBy);
        Assert.Equal(TemplateResources.BuiltIn("municipal"), versions[1].Definition);
        Assert.Equal(1, (await harness.WorkflowAsync(running.Id)).TemplateVersion);
        Assert.Equal(2, (await harness.StartAsync(TownshipCodes.Jinling)).TemplateVersion);

        await SeedAsync(harness);
        Assert.Equal(2, await db.Templates.CountAsync(t => t.Key == "municipal"));
    }

    [Fact]
    public async Task ADatabaseOnThePreviousReleaseGetsTheTemplatesCorrectedToThePlanAsTheNextVersionAndItsRunningWorkflowsKeepTheirs()
    {
        await using var harness = await EngineHarness.CreateAsync(database);
        await SeededByAnEarlierReleaseAsync(harness);
        await SeedPreviousReleaseAsync(harness);
        var running = await harness.StartAsync(TownshipCodes.Shijia);

        await SeedAsync(harness);

        await using var db = harness.NewDbContext();
        var versions = await db.Templates.Where(t => t.Key == "municipal").OrderBy(t => t.Version).Select(t => t.Version).ToListAsync();
        Assert.Equal([1, 2, 3], versions);
        Assert.Equal(2, (await harness.WorkflowAsync(running.Id)).TemplateVersion);
        Assert.Contains(await harness.TasksAsync(running.Id), t => t.ElementId == "leading-group");
        var started = await harness.StartAsync(TownshipCodes.Jinling);
        Assert.Equal(3, started.TemplateVersion);
        Assert.NotNull((await harness.TemplateOfAsync(started.Id)).Phases);
        Assert.Null((await harness.TemplateOfAsync(running.Id)).Phases);
    }

    [Fact]
    public async Task AnAdministratorsNewestVersionStandsAndNoBuiltInIsPutAboveIt()
    {
        await using var harness = await EngineHarness.CreateAsync(database);
        await SeededByAnEarlierReleaseAsync(harness);
        await harness.AddTemplateAsync(TemplateCatalog.Parse(TemplateResources.BuiltIn("municipal")) with { Name = "本县调整版" }, 2, TemplateStatus.Published);

        await SeedAsync(harness);

        await using var db = harness.NewDbContext();
        Assert.Equal([1, 2], await db.Templates.Where(t => t.Key == "municipal").OrderBy(t => t.Version).Select(t => t.Version).ToListAsync());
        Assert.Equal(2, (await harness.StartAsync(TownshipCodes.Shijia)).TemplateVersion);
    }

    [Fact]
    public async Task TwoReplicasUpgradingAtOnceAddTheNextVersionOnceAndBothStart()
    {
        await using var harness = await EngineHarness.CreateAsync(database);
        await SeededByAnEarlierReleaseAsync(harness);
        // The other replica commits the same upgrade between this seeder's reads and its save.
        harness.Rival.BeforeNextSave(() => SeedAsync(harness));

        await SeedAsync(harness);

        await using var db = harness.NewDbContext();
        Assert.Equal([1, 2], await db.Templates.Where(t => t.Key == "municipal").OrderBy(t => t.Version).Select(t => t.Version).ToListAsync());
    }

    [Fact]
    public async Task TheBuiltInsOfThisReleaseAreSeededOnceAsTheEnginesOwnVersionOne()
    {
        await using var harness = await EngineHarness.CreateAsync(database);
        await SeedAsync(harness);

        await using var db = harness.NewDbContext();
        var templates = await db.Templates.OrderBy(t => t.Key).ToListAsync();
        Assert.Equal([("municipal", 1), ("national", 1)], templates.Select(t => (t.Key, t.Version)));
        Assert.All(templates, t => Assert.Equal((TemplateVersion.BuiltInAuthor, TemplateResources.BuiltIn(t.Key)), (t.CreatedBy, t.Definition)));
    }

    /// <summary>Version 1 of both built-ins as a database seeded before version 2 holds them: written out, the county office's guidance.</summary>
    private static async Task SeededByAnEarlierReleaseAsync(EngineHarness harness)
    {
        await using var db = harness.NewDbContext();
        foreach (var row in await db.Templates.ToListAsync()) row.Definition = TemplateResources.WrittenOut(row.Key);
        await db.SaveChangesAsync();
    }

    /// <summary>The release before the plan-fidelity correction (ADR 0026) published its built-ins as version 2.</summary>
    private static async Task SeedPreviousReleaseAsync(EngineHarness harness)
    {
        await using var db = harness.NewDbContext();
        foreach (var key in new[] { "national", "municipal" })
            db.Templates.Add(new TemplateVersion
            {
                Key = key, Version = 2, Name = TemplateCatalog.Parse(TemplateResources.Previous(key)).Name, Track = key,
                Definition = TemplateResources.Previous(key), Status = TemplateStatus.Published, CreatedAt = harness.Clock.GetUtcNow(),
                PublishedAt = harness.Clock.GetUtcNow(), CreatedBy = TemplateVersion.BuiltInAuthor,
            });
        await db.SaveChangesAsync();
    }

    private static Task SeedAsync(EngineHarness harness) =>
        harness.InScopeAsync<ReferenceDataSeeder, bool>(async s => { await s.SeedAsync(CancellationToken.None); return true; });
}

[Trait("Category", "Unit")]
public sealed class BuiltInTemplateUpgradeTestsOnSqlite() : BuiltInTemplateUpgradeTests(EngineDatabase.Sqlite);

[Trait("Category", "Postgres")]
public sealed class BuiltInTemplateUpgradeTestsOnPostgres() : BuiltInTemplateUpgradeTests(EngineDatabase.Postgres);
