using System.Text.Json.Nodes;

namespace Shizhu.Workflows.Runtime.ServiceTasks;

/// <summary><c>increment</c>: adds one to the number variable <c>name</c> (a rectification round counter).</summary>
public sealed class IncrementAction : IServiceTaskAction
{
    public string Name => "increment";

    public void Execute(ServiceTaskContext context)
    {
        var name = context.InputString("name");
        context.Variables.Set(name, JsonValue.Create(context.Variables.GetNumber(name) + 1));
    }
}
