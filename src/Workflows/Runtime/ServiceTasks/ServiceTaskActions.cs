namespace Shizhu.Workflows.Runtime.ServiceTasks;

/// <summary>The registered service-task actions by name (built-ins plus any the Host adds).</summary>
public sealed class ServiceTaskActions(IEnumerable<IServiceTaskAction> actions)
{
    public IReadOnlyDictionary<string, IServiceTaskAction> ByName { get; } = actions.ToDictionary(a => a.Name, StringComparer.Ordinal);
}
