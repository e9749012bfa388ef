using Shizhu.Workflows.Runtime.Queries;

namespace Shizhu.Host.Components.Pages.Inbox;

/// <summary>我的待办: the signed-in person's actionable tasks, each opened on its task page (/tasks/{id}) to be done there.</summary>
public sealed partial class InboxPage
{
    private IReadOnlyList<InboxItem>? _items;
    private DateTimeOffset _now;

    protected override async Task LoadAsync(CancellationToken ct)
    {
        _now = Clock.GetUtcNow();
        _items = await Engine.InboxAsync(User, ct);
    }
}
