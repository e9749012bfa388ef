using Shizhu.Workflows.Persistence;

namespace Shizhu.Workflows.Tests.Infrastructure;

/// <summary>
/// Makes a race happen on purpose: just before the workflow store's next write (<see cref="IWorkflowWriteHook"/>, the
/// same seam on SQLite and on PostgreSQL's batch path) a rival command runs to its commit, so the command being
/// written has read state that is now stale. One shot; no sleeps.
/// </summary>
public sealed class RivalCommand : IWorkflowWriteHook
{
    private Func<Task>? _rival;

    public void BeforeNextSave(Func<Task> rival) => _rival = rival;

    public async Task BeforeWriteAsync(CancellationToken ct)
    {
        if (Interlocked.Exchange(ref _rival, null) is { } rival) await rival();
    }
}
