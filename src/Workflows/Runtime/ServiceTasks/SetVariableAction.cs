using System.Text.Json.Nodes;

namespace Shizhu.Workflows.Runtime.ServiceTasks;

/// <summary><c>setVariable</c>: input <c>name</c> and <c>value</c> (a string).</summary>
public sealed class SetVariableAction : IServiceTaskAction
{
    public string Name => "setVariable";

    public void Execute(ServiceTaskContext context)
    {
        var name = context.InputString("name");
        context.Variables.Set(name, JsonValue.Create(context.InputString("value")));
    }
}
