using System.Text.Json;
using Shizhu.Workflows.Runtime.InstanceMigration;
using Shizhu.Workflows.Templates;
using Shizhu.Workflows.Templates.Versions;
using Shizhu.Workflows.Tests.Infrastructure;

namespace Shizhu.Workflows.Tests.InstanceMigration;

/// <summary>
/// The versions a replay migrates between, per built-in template. The source is the built-in as the plan started on it
/// in 2022 (<c>OldBuiltIn/{key}.json</c>, a copy of the version-1 documents). The target is the latest built-in the
/// engine ships; while that is still the old one, a target is derived here so the proof has something to migrate to
/// (<see cref="Derive"/>: a renamed element, an added task, a changed due rule). The mapping is data
/// (<c>Mappings/{key}.json</c>): when the corrected built-ins arrive, their mapping replaces these files.
/// </summary>
public sealed record BuiltInMigration(string Key, int SourceVersion, int TargetVersion, bool Derived, MigrationPlanRequest Plan)
{
    /// <summary>The task <see cref="Derive"/> adds after 公示: every workflow that reaches naming after the migration does it.</summary>
    public const string AddedTask = "naming-review";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>Publishes the old built-in as the newest version if the database's built-in is not it; answers its version.</summary>
    public static async Task<int> PublishSourceAsync(EngineHarness harness, string key)
    {
        var old = Resource($"OldBuiltIn.{key}.json");
        var latest = LatestVersion(harness, key);
        if (Same(harness.Read(db => db.Templates.Single(t => t.Key == key && t.Version == latest).Definition), old)) return latest;
        await harness.AddTemplateAsync(TemplateCatalog.ParseDocument(old), latest + 1, TemplateStatus.Published);
        return latest + 1;
    }

    /// <summary>Publishes the target (the latest built-in, or one derived from the old) as the newest version, with its plan.</summary>
    public static async Task<BuiltInMigration> PublishTargetAsync(EngineHarness harness, string key, int sourceVersion)
    {
        var old = Resource($"OldBuiltIn.{key}.json");
        var builtIn = TemplateResources.BuiltIn(key);
        var derived = Same(builtIn, old);
        var target = derived ? Derive(TemplateCatalog.Parse(old)) : TemplateCatalog.ParseDocument(builtIn);
        var version = LatestVersion(harness, key) + 1;
        await harness.AddTemplateAsync(target, version, TemplateStatus.Published);
        var mapping = JsonSerializer.Deserialize<MigrationPlanRequest>(Resource($"MigrationMappings.{key}.json"), Json)!;
        return new BuiltInMigration(key, sourceVersion, version, derived,
            mapping with { TemplateKey = key, SourceVersion = sourceVersion, TargetVersion = version });
    }

    /// <summary>
    /// The proof's target: the timer start renamed (<c>start</c> → <c>plan-start</c>, so the workflows still waiting for
    /// their start year need the mapping), a review task added after 公示 and 迎检准备 due on 20 October instead of the month's end.
    /// </summary>
    public static TemplateDefinition Derive(TemplateDefinition old) => old
        .Rename("start", "plan-start")
        .WithTaskAfter("public-notice", AddedTask, "核对命名公示材料")
        .WithDue("prepare-inspection", new DueRule(Year: "target", Month: 10, Day: 20));

    private static int LatestVersion(EngineHarness harness, string key) =>
        harness.Read(db => db.Templates.Where(t => t.Key == key).Max(t => t.Version));

    private static bool Same(string a, string b) =>
        TemplateDocument.Write(TemplateCatalog.Parse(a)) == TemplateDocument.Write(TemplateCatalog.Parse(b));

    private static string Resource(string name)
    {
        using var stream = typeof(BuiltInMigration).Assembly.GetManifestResourceStream(name) ?? throw new InvalidOperationException($"No resource {name}.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
