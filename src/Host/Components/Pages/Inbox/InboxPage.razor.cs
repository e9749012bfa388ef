using Microsoft.AspNetCore.Components;
using MudBlazor;
using Shizhu.Workflows.Runtime.Queries;

namespace Shizhu.Host.Components.Pages.Inbox;

/// <summary>我的待办: the signed-in person's actionable tasks, each completed through <see cref="CompleteTaskDialog"/>.</summary>
public sealed partial class InboxPage
{
    private IReadOnlyList<InboxItem>? _items;
    private DateTimeOffset _now;

    [Inject] private IDialogService Dialogs { get; set; } = default!;

    protected override async Task LoadAsync(CancellationToken ct)
    {
        _now = Clock.GetUtcNow();
        _items = await Engine.InboxAsync(User, ct);
    }

    private async Task CompleteAsync(InboxItem item)
    {
        var parameters = new DialogParameters<CompleteTaskDialog>
        {
            { d => d.Item, item },
            { d => d.User, User },
        };
        var dialog = await Dialogs.ShowAsync<CompleteTaskDialog>("办理任务", parameters,
            new DialogOptions { MaxWidth = MaxWidth.Small, FullWidth = true, CloseButton = true, CloseOnEscapeKey = true });
        var result = await dialog.Result;
        if (result is { Canceled: false, Data: Guid })
            Snackbar.Add($"已办结：{item.Title}", Severity.Success);
        // Completing may open follow-up tasks, and a refusal may mean someone else got there first: re-read either way.
        await ReloadAsync();
    }
}
