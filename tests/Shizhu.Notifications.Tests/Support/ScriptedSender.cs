using Shizhu.Notifications.Audiences;
using Shizhu.Notifications.Sending;

namespace Shizhu.Notifications.Tests.Support;

/// <summary>
/// A provider under the test's control, standing in for the channels' real senders (tested against local listeners
/// on their own branch): up or down, refusing some addresses for good, and recording every call.
/// </summary>
public abstract class ScriptedSender : IMessageSender
{
    readonly Lock gate = new();
    readonly List<OutgoingMessage> accepted = [];
    readonly List<OutgoingMessage> calls = [];

    public abstract string Channel { get; }
    public abstract string? AddressOf(Recipient recipient);

    /// <summary>While true every call fails transiently, as a provider in an outage answers (HTTP 503).</summary>
    public bool Down { get; set; }

    /// <summary>While true a call ends as if the process died during it (the attempt is cut off, no answer recorded).</summary>
    public bool Crash { get; set; }

    public HashSet<string> Refused { get; } = [];

    public IReadOnlyList<OutgoingMessage> Accepted { get { lock (gate) return [.. accepted]; } }
    public IReadOnlyList<OutgoingMessage> Calls { get { lock (gate) return [.. calls]; } }

    public Task<SendResult> SendAsync(OutgoingMessage message, CancellationToken ct)
    {
        lock (gate)
        {
            calls.Add(message);
            if (Crash)
                throw new OperationCanceledException("the process stopped during the call");
            if (Down)
                return Task.FromResult(SendResult.Transient("503 Service Unavailable"));
            if (Refused.Contains(message.Address))
                return Task.FromResult(SendResult.Permanent("40003 invalid userid"));
            accepted.Add(message);
            return Task.FromResult(SendResult.Sent("0 ok"));
        }
    }

    /// <summary>How many accepted messages to <paramref name="address"/> contain <paramref name="title"/> (batches included).</summary>
    public int TimesDelivered(string address, string title) =>
        Accepted.Count(m => m.Address == address && (m.Message.Title == title || m.Message.Body.Contains($"{title}\n", StringComparison.Ordinal)));
}

/// <summary>A WeCom-like channel addressed by WeCom user id.</summary>
public sealed class ScriptedWeCom : ScriptedSender
{
    public override string Channel => "wecom";
    public override string? AddressOf(Recipient recipient) => recipient.WeComUserId;
}

/// <summary>An SMS-like channel addressed by mobile number (quiet at night by default).</summary>
public sealed class ScriptedSms : ScriptedSender
{
    public override string Channel => "sms";
    public override string? AddressOf(Recipient recipient) => recipient.Mobile;
}
