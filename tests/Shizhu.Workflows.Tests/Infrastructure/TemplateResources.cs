using Shizhu.Workflows.Templates;

namespace Shizhu.Workflows.Tests.Infrastructure;

/// <summary>Template documents embedded as resources: the built-ins the engine ships, and their former forms kept by these tests.</summary>
public static class TemplateResources
{
    /// <summary>A built-in template as the engine ships it (<c>src/Workflows/Templates/BuiltIn/{key}.json</c>).</summary>
    public static string BuiltIn(string key) => Read(typeof(TemplateCatalog), $"Templates.{key}.json");

    /// <summary>A built-in as it was written out before sub-processes (<c>Templates/WrittenOut/{key}.json</c>): version 1 in databases seeded then.</summary>
    public static string WrittenOut(string key) => Read(typeof(TemplateResources), $"WrittenOut.{key}.json");

    /// <summary>
    /// The built-in the release before the plan-fidelity correction shipped (<c>Templates/Previous/{key}.json</c>): the
    /// inspection sub-process with the nine departments' guidance per check, an April mock inspection and acceptance
    /// (ADR 0015); the version running workflows started on before ADR 0026.
    /// </summary>
    public static string Previous(string key) => Read(typeof(TemplateResources), $"Previous.{key}.json");

    private static string Read(Type owner, string name)
    {
        using var stream = owner.Assembly.GetManifestResourceStream(name) ?? throw new InvalidOperationException($"No resource {name}.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
