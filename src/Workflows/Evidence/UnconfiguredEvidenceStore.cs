namespace Shizhu.Workflows.Evidence;

/// <summary>
/// The store when the caller registered none (a benchmark, a tool that never touches evidence): everything else
/// in the engine works, and using evidence fails loudly instead of silently losing files.
/// </summary>
internal sealed class UnconfiguredEvidenceStore : IEvidenceStore
{
    public Task SaveAsync(string storagePath, Stream content, CancellationToken ct) => throw Missing();

    public Task<Stream?> OpenReadAsync(string storagePath, CancellationToken ct) => throw Missing();

    public Task DeleteAsync(string storagePath, CancellationToken ct) => Task.CompletedTask;

    private static InvalidOperationException Missing() =>
        new("No IEvidenceStore is registered: register one beside AddWorkflowEngine (the Host registers a folder store).");
}
