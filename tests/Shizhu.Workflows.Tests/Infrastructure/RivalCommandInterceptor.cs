using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Shizhu.Workflows.Tests.Infrastructure;

/// <summary>
/// Makes a race happen on purpose: the next SaveChanges on the harness's database first runs a rival command
/// to its commit, so the command being saved has read state that is now stale. One shot; no sleeps.
/// </summary>
public sealed class RivalCommandInterceptor : SaveChangesInterceptor
{
    private Func<Task>? _rival;

    public void BeforeNextSave(Func<Task> rival) => _rival = rival;

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (Interlocked.Exchange(ref _rival, null) is { } rival) await rival();
        return result;
    }
}
