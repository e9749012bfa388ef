using System.Text.Json;
using System.Text.Json.Nodes;
using Shizhu.Workflows.Templates;
using Shizhu.Workflows.Templates.Validation;
using Shizhu.Workflows.Templates.Versions;
using Shizhu.Workflows.Tests.Infrastructure;

namespace Shizhu.Workflows.Tests.Templates;

/// <summary>
/// The fuzz loop of the mangled-template tests: 150 copies of the built-in national template, each changed one to three
/// times by <c>mangle</c>, must read and validate with problems in Chinese or be refused with problems — never crash.
/// </summary>
internal static class MangledNational
{
    public static void AnswersWithProblems(int seed, Action<JsonObject, Random> mangle, Action<TemplateDefinition>? alsoAccepted = null)
    {
        var random = new Random(seed);
        var national = JsonNode.Parse(TemplateResources.BuiltIn("national"))!.AsObject();
        for (var round = 0; round < 150; round++)
        {
            var document = national.DeepClone().AsObject();
            for (var change = random.Next(1, 4); change > 0; change--) mangle(document, random);
            using var json = JsonDocument.Parse(document.ToJsonString());
            try
            {
                var definition = TemplateDocument.Read(json.RootElement);
                var problems = TemplateValidator.BuiltIn.Validate(definition);
                Assert.All(problems, p => Assert.Matches(TinyTemplate.Chinese(), p.Message));
                alsoAccepted?.Invoke(definition);
            }
            catch (InvalidTemplateException refused)
            {
                Assert.NotEmpty(refused.Problems);
            }
        }
    }
}
