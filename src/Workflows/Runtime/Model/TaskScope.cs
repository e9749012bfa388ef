namespace Shizhu.Workflows.Runtime.Model;

/// <summary>Who may act on a task: the township's own users, or the county office.</summary>
public enum TaskScope
{
    Township,
    County,
}
