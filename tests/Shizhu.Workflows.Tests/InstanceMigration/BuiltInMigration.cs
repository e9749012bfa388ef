using System.Text.Json;
using Shizhu.Workflows.Runtime.InstanceMigration;
using Shizhu.Workflows.Templates;
using Shizhu.Workflows.Templates.Versions;
using Shizhu.Workflows.Tests.Infrastructure;

namespace Shizhu.Workflows.Tests.InstanceMigration;

/// <summary>
/// The versions a replay migrates between, per built-in template. The source is the built-in as the plan started on it
/// in 2022 (<c>OldBuiltIn/{key}.json</c>, a copy of the version-1 documents); the target is the latest built-in the
/// engine ships, the templates corrected to the plan (ADR 0026). The mapping between them is data
/// (<c>Mappings/{key}.json</c>, ADR 0028's "plan replay" section says why each element goes where it goes).
/// </summary>
public sealed record BuiltInMigration(string Key, int SourceVersion, int TargetVersion, MigrationPlanRequest Plan)
{
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

    /// <summary>Publishes the latest built-in as the newest version, with the plan that moves the source's workflows onto it.</summary>
    public static async Task<BuiltInMigration> PublishTargetAsync(EngineHarness harness, string key, int sourceVersion)
    {
        var builtIn = TemplateResources.BuiltIn(key);
        // The proof is about the corrected templates: a shipped built-in equal to the old one would make it vacuous.
        Assert.False(Same(builtIn, Resource($"OldBuiltIn.{key}.json")), $"The shipped built-in {key} is still the old version.");
        var version = LatestVersion(harness, key) + 1;
        await harness.AddTemplateAsync(TemplateCatalog.ParseDocument(builtIn), version, TemplateStatus.Published);
        var mapping = JsonSerializer.Deserialize<MigrationPlanRequest>(Resource($"MigrationMappings.{key}.json"), Json)!;
        return new BuiltInMigration(key, sourceVersion, version,
            mapping with { TemplateKey = key, SourceVersion = sourceVersion, TargetVersion = version });
    }

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
