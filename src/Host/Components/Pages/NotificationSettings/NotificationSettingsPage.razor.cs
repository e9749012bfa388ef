using MudBlazor;
using Shizhu.Notifications.Preferences;

namespace Shizhu.Host.Components.Pages.NotificationSettings;

/// <summary>通知设置: the signed-in person's channels per kind of message, the same store as <c>/api/me/notification-preferences</c>.</summary>
public sealed partial class NotificationSettingsPage
{
    private IReadOnlyList<KindPreferenceView>? _grid;
    private readonly Dictionary<(string Kind, string Channel), bool> _changes = [];
    private bool _busy;

    protected override async Task LoadAsync(CancellationToken ct)
    {
        var userName = User.Identity?.Name ?? "";
        _grid = await Engine.RunAsync(sp => sp.GetRequiredService<PreferenceStore>().GetAsync(userName, ct));
        _changes.Clear();
    }

    private bool IsOn(KindPreferenceView kind, ChannelChoiceView choice) =>
        _changes.TryGetValue((kind.Kind.ToString(), choice.Channel), out var on) ? on : choice.Enabled;

    private void Change(KindPreferenceView kind, ChannelChoiceView choice, bool on)
    {
        var key = (kind.Kind.ToString(), choice.Channel);
        if (on == choice.Enabled) _changes.Remove(key);
        else _changes[key] = on;
    }

    private async Task SaveAsync()
    {
        _busy = true;
        try
        {
            var userName = User.Identity?.Name ?? "";
            PreferenceChange[] changes = [.. _changes.Select(c => new PreferenceChange(c.Key.Kind, c.Key.Channel, c.Value))];
            var errors = await Engine.RunAsync(sp => sp.GetRequiredService<PreferenceStore>().SetAsync(userName, changes, Aborted));
            if (errors.Count == 0)
                Snackbar.Add("通知设置已保存。", Severity.Success);
            foreach (var message in errors.Values.SelectMany(m => m))
                Snackbar.Add(message, Severity.Error);
            if (errors.Count == 0)
                await ReloadAsync();
        }
        finally
        {
            _busy = false;
        }
    }
}
