namespace Shizhu.Workflows.Runtime.ServiceTasks;

/// <summary>A service task could not do its work; the message becomes the incident's error.</summary>
public sealed class ServiceTaskException(string message) : Exception(message);
