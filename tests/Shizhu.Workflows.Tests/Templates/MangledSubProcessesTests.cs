using System.Text.Json;
using System.Text.Json.Nodes;
using Shizhu.Workflows.Templates;
using Shizhu.Workflows.Templates.Validation;
using Shizhu.Workflows.Templates.Versions;
using Shizhu.Workflows.Tests.Infrastructure;

namespace Shizhu.Workflows.Tests.Templates;

/// <summary>A sub-process definition or call, however mangled, is answered with problems, never a crash — and the runtime's expansion of it does not crash either.</summary>
[Trait("Category", "Unit")]
public sealed class MangledSubProcessesTests
{
    private static readonly JsonNode?[] Values =
        [null, "", "x", "{x}", 0, 13, true, new JsonArray(), new JsonObject(), "check", "inspection", new JsonObject { ["argument"] = "start" }];

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void AMangledInspectionSubProcessIsAnsweredWithProblems(int seed) =>
        MangledNational.AnswersWithProblems(seed, Mangle, definition => _ = TemplateCatalog.Parse(TemplateDocument.Write(definition)));

    /// <summary>Changes one thing in the sub-process definition or in one of the calls.</summary>
    private static void Mangle(JsonObject document, Random random)
    {
        var definition = document["subProcesses"]![0]!.AsObject();
        var calls = document["elements"]!.AsArray().Where(e => e?["type"]?.GetValue<string>() == "subProcess").ToList();
        JsonObject target = random.Next(3) switch
        {
            0 => definition,
            1 when calls.Count > 0 => calls[random.Next(calls.Count)]!["arguments"] as JsonObject ?? definition,
            _ => (definition[new[] { "elements", "flows", "parameters" }[random.Next(3)]] as JsonArray) is { Count: > 0 } list
                 && list[random.Next(list.Count)] is JsonObject item ? item : definition,
        };
        if (target.Count == 0) return;
        var key = target.ElementAt(random.Next(target.Count)).Key;
        if (random.Next(3) == 0) target.Remove(key);
        else if (target[key] is JsonArray array && array.Count > 0 && random.Next(2) == 0) array.Add(array[random.Next(array.Count)]!.DeepClone());
        else target[key] = Values[random.Next(Values.Length)]?.DeepClone();
    }
}
