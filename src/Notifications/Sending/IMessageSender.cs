using Shizhu.Notifications.Audiences;

namespace Shizhu.Notifications.Sending;

/// <summary>
/// One external way of reaching a person (e-mail, WeCom, DingTalk, SMS): it only knows how to address a recipient
/// and how to speak its provider's protocol. Who receives what, preferences, quiet hours, the delivery log, retries
/// and dead letters belong to the delivery pipeline that calls it, so a new provider is one small class.
/// </summary>
public interface IMessageSender
{
    /// <summary>The channel's name from <see cref="Deliveries.Channels"/>.</summary>
    string Channel { get; }

    /// <summary>This recipient's address on the channel (mail address, mobile number, WeCom/DingTalk user id), or null when none is on file.</summary>
    string? AddressOf(Recipient recipient);

    /// <summary>Sends one message to one address. Never throws for a provider's answer: it classifies it.</summary>
    Task<SendResult> SendAsync(OutgoingMessage message, CancellationToken ct);
}

/// <summary>What a sender is asked to deliver: the rendered message for one recipient at one address.</summary>
public sealed record OutgoingMessage(Guid EventId, MessageKind Kind, string Address, Recipient Recipient, AudienceMessage Message);

/// <summary>A provider's answer, classified: sent, worth retrying later, or refused for good.</summary>
/// <param name="ProviderAnswer">What the provider said (status, error code and message), kept in the delivery log.</param>
/// <param name="RetryAfter">When the provider asked the caller to wait (rate limits), how long.</param>
public sealed record SendResult(SendOutcome Outcome, string? ProviderAnswer, TimeSpan? RetryAfter = null)
{
    public static SendResult Sent(string? answer = null) => new(SendOutcome.Sent, answer);
    public static SendResult Transient(string answer, TimeSpan? retryAfter = null) => new(SendOutcome.TransientFailure, answer, retryAfter);
    public static SendResult Permanent(string answer) => new(SendOutcome.PermanentFailure, answer);
}

public enum SendOutcome
{
    Sent,
    /// <summary>Network failure, timeout, 5xx, rate limit: retry with back-off.</summary>
    TransientFailure,
    /// <summary>The provider refused this message or address for good (invalid number, unknown user, bad template): never retried.</summary>
    PermanentFailure,
}
