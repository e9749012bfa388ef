namespace Shizhu.Workflows.Persistence;

/// <summary>
/// A seam just before the <see cref="IWorkflowStore"/> writes a command's changes, on every provider alike: the engine
/// suite registers one to run a rival command to its commit at that moment, so a race happens on purpose and the
/// command being written has read state that is now stale (the concurrency tokens and unique indexes must refuse it).
/// Nothing registers one in the Host: the store then takes no hook and its write costs one null check more.
/// </summary>
public interface IWorkflowWriteHook
{
    Task BeforeWriteAsync(CancellationToken ct);
}
