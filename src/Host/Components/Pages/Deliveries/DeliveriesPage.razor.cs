using Microsoft.AspNetCore.Components;
using MudBlazor;
using Shizhu.Host.Components.Shared;
using Shizhu.Notifications.Deliveries;
using Shizhu.Notifications.Sending;

namespace Shizhu.Host.Components.Pages.Deliveries;

/// <summary>
/// 投递记录: the county office's view of the external channels' delivery log — filter by channel, status and date,
/// page through, see every attempt and the provider's answer, and resend dead letters or waiting retries.
/// </summary>
public sealed partial class DeliveriesPage
{
    private const int PageSize = 20;
    private DeliveryPage? _page;
    private int _pageNumber = 1;
    private string? _channel;
    private DeliveryStatus? _status;
    private DateTime? _from;
    private DateTime? _to;
    private bool _busy;
    private readonly HashSet<long> _selected = [];
    private IReadOnlyList<string> ChannelChoices { get; set; } = [];

    /// <summary>A user name or address, so another page (or a person) can link to one recipient's deliveries.</summary>
    [SupplyParameterFromQuery(Name = "recipient")] private string? Recipient { get; set; }

    private int PageCount => _page is null ? 1 : Math.Max(1, (_page.Total + PageSize - 1) / PageSize);

    protected override async Task LoadAsync(CancellationToken ct)
    {
        ChannelChoices = await Engine.RunAsync(sp => Task.FromResult<IReadOnlyList<string>>(
            [.. sp.GetServices<IMessageSender>().Select(s => s.Channel)]));
        var filter = new DeliveryFilter(_channel, _status,
            _from is { } from ? DateOnly.FromDateTime(from) : null, _to is { } to ? DateOnly.FromDateTime(to) : null, _pageNumber, PageSize,
            string.IsNullOrWhiteSpace(Recipient) ? null : Recipient.Trim());
        _page = await Engine.RunAsync(sp => sp.GetRequiredService<DeliveryQueries>().ListAsync(filter, ct));
        _selected.IntersectWith(_page.Items.Where(CanResend).Select(r => r.Id));
    }

    private Task SearchAsync()
    {
        _pageNumber = 1;
        return ReloadAsync();
    }

    private Task GoToAsync(int page)
    {
        _pageNumber = page;
        return ReloadAsync();
    }

    private static bool CanResend(DeliveryView row) => row.Status is DeliveryStatus.DeadLetter or DeliveryStatus.Retrying;

    private void Toggle(long id, bool on)
    {
        if (on) _selected.Add(id);
        else _selected.Remove(id);
    }

    private Task ResendSelectedAsync() => ResendAsync([.. _selected]);

    private async Task ResendAsync(IReadOnlyCollection<long> ids)
    {
        _busy = true;
        try
        {
            var actor = User.Identity?.Name ?? "";
            var result = await Engine.RunAsync(sp => sp.GetRequiredService<DeliveryResender>().ResendAsync(ids, actor, Aborted));
            if (result.Resent.Count > 0)
                Snackbar.Add($"已重新发送 {result.Resent.Count} 条，稍后投递。", Severity.Success);
            foreach (var reason in result.Refused.Values.Distinct())
                Snackbar.Add(reason, Severity.Warning);
            _selected.Clear();
            await ReloadAsync();
        }
        finally
        {
            _busy = false;
        }
    }

    private static Color StatusColor(DeliveryStatus status) => status switch
    {
        DeliveryStatus.Sent => Color.Success,
        DeliveryStatus.DeadLetter => Color.Error,
        DeliveryStatus.Retrying => Color.Warning,
        _ => Color.Default,
    };

    /// <summary>Every attempt on one line each: when, how it ended, what the provider said (or who resent).</summary>
    private static string AttemptLog(DeliveryView row) => string.Join("\n", row.AttemptLog.Select(a =>
        $"{UiText.Time(a.At)} {Outcome(a.Outcome)}{(a.BatchSize > 1 ? $"（合并{a.BatchSize}条）" : "")} {a.Actor ?? a.ProviderAnswer}"));

    private static string Outcome(AttemptOutcome outcome) => outcome switch
    {
        AttemptOutcome.Sent => "发送成功",
        AttemptOutcome.TransientFailure => "暂时失败",
        AttemptOutcome.PermanentFailure => "被拒绝",
        AttemptOutcome.ResendRequested => "重新发送",
        _ => outcome.ToString(),
    };
}
