using Microsoft.EntityFrameworkCore;
using Shizhu.Notifications.Deliveries;
using Shizhu.Notifications.Persistence;
using Shizhu.Notifications.Sending;

namespace Shizhu.Notifications.Preferences;

/// <summary>
/// Each person's channels per kind of message, within what the county office allows. In-app notifications are
/// always on (the 通知 list is the record everyone can fall back on); external channels follow a person's choice,
/// or the channel's default where they made none.
/// </summary>
public sealed class PreferenceStore(NotificationDbContext db, DeliveryPolicy policy, IEnumerable<IMessageSender> senders, TimeProvider clock)
{
    readonly string[] installed = [.. senders.Select(s => s.Channel)];

    /// <summary>Of <paramref name="userNames"/>, those who receive <paramref name="kind"/> on <paramref name="channel"/>.</summary>
    public async Task<HashSet<string>> WhoWantsAsync(string channel, MessageKind kind, IReadOnlyCollection<string> userNames, CancellationToken ct)
    {
        var choices = await db.ChannelPreferences.AsNoTracking()
            .Where(p => p.Channel == channel && p.Kind == kind && userNames.Contains(p.UserName))
            .ToDictionaryAsync(p => p.UserName, p => p.Enabled, StringComparer.Ordinal, ct);
        var byDefault = policy.IsOnByDefault(channel, kind);
        return [.. userNames.Where(u => choices.TryGetValue(u, out var on) ? on : byDefault)];
    }

    /// <summary>The person's grid: every kind, and for each the in-app channel and every external channel installed.</summary>
    public async Task<IReadOnlyList<KindPreferenceView>> GetAsync(string userName, CancellationToken ct)
    {
        var choices = await db.ChannelPreferences.AsNoTracking()
            .Where(p => p.UserName == userName)
            .ToDictionaryAsync(p => (p.Kind, p.Channel), p => p.Enabled, ct);
        return [.. ChannelDefaults.AllKinds.Select(kind => new KindPreferenceView(
            kind, DeliveryNames.Kind(kind),
            [
                new ChannelChoiceView(Channels.InApp, DeliveryNames.Channel(Channels.InApp), Enabled: true, Editable: false, Reason: "站内通知始终开启"),
                .. installed.Select(channel => Choice(channel, kind, choices)),
            ]))];
    }

    ChannelChoiceView Choice(string channel, MessageKind kind, Dictionary<(MessageKind, string), bool> choices)
    {
        var name = DeliveryNames.Channel(channel);
        if (!policy.IsEnabled(channel))
            return new(channel, name, Enabled: false, Editable: false, Reason: "县爱卫办未开通该渠道");
        if (!policy.IsAllowed(channel, kind))
            return new(channel, name, Enabled: false, Editable: false, Reason: "县爱卫办不允许通过该渠道发送此类消息");
        var enabled = choices.TryGetValue((kind, channel), out var on) ? on : policy.IsOnByDefault(channel, kind);
        return new(channel, name, enabled, Editable: true, Reason: null);
    }

    /// <summary>
    /// Saves the person's choices; every change is checked first, so a refused one saves none. Errors are keyed
    /// <c>[i].channel</c> / <c>[i].kind</c> with the reason in Chinese.
    /// </summary>
    public async Task<IReadOnlyDictionary<string, string[]>> SetAsync(string userName, IReadOnlyList<PreferenceChange> changes, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        for (var i = 0; i < changes.Count; i++)
        {
            var (kindName, channel, enabled) = changes[i];
            if (!Enum.TryParse<MessageKind>(kindName, ignoreCase: true, out var kind) || !Enum.IsDefined(kind) || int.TryParse(kindName, out _))
                errors[$"[{i}].kind"] = [$"未知的消息类型“{kindName}”。"];
            else if (channel == Channels.InApp)
                errors[$"[{i}].channel"] = ["站内通知始终开启，不能关闭。"];
            else if (!installed.Contains(channel, StringComparer.Ordinal))
                errors[$"[{i}].channel"] = [$"未知的渠道“{channel}”。"];
            else if (enabled && !policy.IsEnabled(channel))
                errors[$"[{i}].channel"] = [$"县爱卫办未开通{DeliveryNames.Channel(channel)}。"];
            else if (enabled && !policy.IsAllowed(channel, kind))
                errors[$"[{i}].channel"] = [$"县爱卫办不允许通过{DeliveryNames.Channel(channel)}发送“{DeliveryNames.Kind(kind)}”。"];
        }

        if (errors.Count > 0)
            return errors;

        var now = clock.GetUtcNow();
        var existing = await db.ChannelPreferences.Where(p => p.UserName == userName).ToListAsync(ct);
        foreach (var (kindName, channel, enabled) in changes)
        {
            var kind = Enum.Parse<MessageKind>(kindName, ignoreCase: true);
            var row = existing.FirstOrDefault(p => p.Kind == kind && p.Channel == channel);
            if (row is null)
            {
                row = new ChannelPreference { UserName = userName, Kind = kind, Channel = channel };
                db.ChannelPreferences.Add(row);
                existing.Add(row);
            }

            row.Enabled = enabled;
            row.ChangedAt = now;
        }

        await db.SaveChangesAsync(ct);
        return errors;
    }
}

/// <summary>One choice to save: a kind (its English name, e.g. <c>Overdue</c>), a channel name, on or off.</summary>
public sealed record PreferenceChange(string Kind, string Channel, bool Enabled);

public sealed record KindPreferenceView(MessageKind Kind, string KindName, IReadOnlyList<ChannelChoiceView> Channels);

/// <param name="Editable">False when the county office decides (channel off, kind not allowed) or for the in-app channel.</param>
/// <param name="Reason">Why a choice cannot be changed, in Chinese.</param>
public sealed record ChannelChoiceView(string Channel, string ChannelName, bool Enabled, bool Editable, string? Reason);
