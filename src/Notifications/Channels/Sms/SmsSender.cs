using Microsoft.Extensions.Options;
using Shizhu.Notifications.Audiences;
using Shizhu.Notifications.Deliveries;
using Shizhu.Notifications.Sending;

namespace Shizhu.Notifications.Outbound.Sms;

/// <summary>
/// SMS to a person's mainland mobile number through the configured <see cref="ISmsGateway"/>, with the template of the
/// message's kind. A kind without an approved template is refused for good (the delivery log says which kind), as a
/// gateway would refuse an unknown template.
/// </summary>
public sealed class SmsSender(ISmsGateway gateway, IOptions<SmsOptions> options) : IMessageSender
{
    public string Channel => Channels.Sms;

    public string? AddressOf(Recipient recipient) => MobileNumbers.IsMainland(recipient.Mobile) ? recipient.Mobile : null;

    public Task<SendResult> SendAsync(OutgoingMessage message, CancellationToken ct)
    {
        var o = options.Value;
        if (!o.Templates.TryGetValue(message.Kind.ToString(), out var template) || string.IsNullOrWhiteSpace(template.Code))
            return Task.FromResult(SendResult.Permanent($"no SMS template for message kind {message.Kind} ({SmsOptions.Section}:Templates:{message.Kind})"));
        var (parameters, _) = SmsComposer.Compose(template, o.SignName!, message.Message.Facts, o.MaxSegments);
        return gateway.SendAsync(new SmsRequest(message.Address, o.SignName!, template.Code, parameters, message.EventId.ToString("N")), ct);
    }
}
