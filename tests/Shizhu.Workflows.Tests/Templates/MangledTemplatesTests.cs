using System.Text.Json;
using System.Text.Json.Nodes;
using Shizhu.Workflows.Templates;
using Shizhu.Workflows.Templates.Validation;
using Shizhu.Workflows.Templates.Versions;
using Shizhu.Workflows.Tests.Infrastructure;

namespace Shizhu.Workflows.Tests.Templates;

/// <summary>A template is user input: however it is mangled, reading and validating it answers with problems, never a crash.</summary>
[Trait("Category", "Unit")]
public sealed class MangledTemplatesTests
{
    private static readonly string[] Lists = ["elements", "flows", "stages"];
    private static readonly JsonNode?[] Values = [null, "", "x", 0, -1, 13, true, new JsonArray(), new JsonObject(), "start", "end", "userTask"];

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void AMangledNationalTemplateIsAnsweredWithProblems(int seed) =>
        MangledNational.AnswersWithProblems(seed, Mangle);

    private static void Mangle(JsonObject document, Random random)
    {
        var list = document[Lists[random.Next(Lists.Length)]]!.AsArray();
        if (list.Count == 0) return;
        var index = random.Next(list.Count);
        switch (random.Next(4))
        {
            case 0:
                list.RemoveAt(index);
                break;
            case 1:
                list.Add(list[index]!.DeepClone());
                break;
            case 2 when list[index] is JsonObject item && item.Count > 0:
                item.Remove(item.ElementAt(random.Next(item.Count)).Key);
                break;
            case 3 when list[index] is JsonObject item && item.Count > 0:
                item[item.ElementAt(random.Next(item.Count)).Key] = Values[random.Next(Values.Length)]?.DeepClone();
                break;
        }
    }
}
