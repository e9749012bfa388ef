using System.Reflection;
using Shizhu.Workflows.Templates;
using Shizhu.Workflows.Templates.Validation;
using Xunit.Abstractions;
namespace Shizhu.Workflows.Tests.Templates;
public sealed class ZzProbe(ITestOutputHelper output)
{
    [Fact]
    public void Probe()
    {
        foreach (var type in typeof(ZzProbe).Assembly.GetTypes())
        foreach (var member in type.GetMembers(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static))
        {
            object? value = member switch { FieldInfo f when f.FieldType == typeof(TemplateDefinition) => f.GetValue(null), PropertyInfo p when p.PropertyType == typeof(TemplateDefinition) && p.GetIndexParameters().Length == 0 => p.GetValue(null), MethodInfo m when m.ReturnType == typeof(TemplateDefinition) && m.GetParameters().Length == 0 => m.Invoke(null, null), _ => null };
            if (value is not TemplateDefinition t) continue;
            var problems = TemplateValidator.BuiltIn.Validate(t);
            output.WriteLine($"== {type.Name}.{member.Name}: {problems.Count}");
            foreach (var p in problems) output.WriteLine($"   {p.Location} {p.Code} {p.Message}");
        }
    }
}
