namespace Shizhu.Workflows.Runtime.ServiceTasks;

/// <summary>
/// A named built-in action a service task runs, inside the command's transaction. Throw
/// <see cref="ServiceTaskException"/> (or anything) to raise an incident that an operator can retry.
/// </summary>
public interface IServiceTaskAction
{
    string Name { get; }

    void Execute(ServiceTaskContext context);
}
