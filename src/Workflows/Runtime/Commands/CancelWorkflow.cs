namespace Shizhu.Workflows.Runtime.Commands;

/// <summary>Cancel a running or suspended workflow, with an optional reason for the journal.</summary>
public sealed record CancelWorkflow(string? Reason);
