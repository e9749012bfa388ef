using Shizhu.Notifications.Sending;

namespace Shizhu.Notifications.Outbound.Sms;

/// <summary>
/// One SMS provider, in the shape every Chinese SMS gateway takes: a registered sign name (短信签名), an approved
/// template's code (模板CODE/ID) and its parameters, one mobile number. Another provider is one class behind this.
/// </summary>
public interface ISmsGateway
{
    /// <summary>The gateway's name in configuration (<c>Notifications:Sms:Gateway</c>).</summary>
    string Name { get; }

    /// <summary>Sends one templated SMS; never throws for the provider's answer but classifies it.</summary>
    Task<SendResult> SendAsync(SmsRequest request, CancellationToken ct);
}

/// <param name="Parameters">The template's variables by name, in the template's order.</param>
/// <param name="OutId">Our reference the provider echoes in receipts (the event id).</param>
public sealed record SmsRequest(string Mobile, string SignName, string TemplateCode, IReadOnlyList<KeyValuePair<string, string>> Parameters, string OutId);
