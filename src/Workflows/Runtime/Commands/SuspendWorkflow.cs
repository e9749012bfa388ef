namespace Shizhu.Workflows.Runtime.Commands;

/// <summary>Suspend a running workflow, with an optional reason for the journal.</summary>
public sealed record SuspendWorkflow(string? Reason);
