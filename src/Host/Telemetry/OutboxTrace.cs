using System.Diagnostics;
using Shizhu.Workflows.Outbox;

namespace Shizhu.Host.Telemetry;

/// <summary>
/// Continues the trace that raised an event when the relay publishes it (ADR 0043): the outbox row keeps the raising
/// activity's <c>traceparent</c>, and its publication runs in a child activity of it, which MassTransit's send activity
/// and <c>traceparent</c> header follow, so the consumers' logs and spans carry the HTTP request's trace id.
/// </summary>
public static class OutboxTrace
{
    public const string SourceName = "Shizhu.Outbox";

    private static readonly ActivitySource Source = new(SourceName);

    /// <summary>A started activity for publishing <paramref name="message"/>, or null when it had no trace or nobody listens.</summary>
    public static Activity? StartPublish(OutboxMessage message) =>
        message.TraceParent is { } parent && ActivityContext.TryParse(parent, null, out var context)
            ? Source.StartActivity("outbox publish " + message.Type, ActivityKind.Producer, context)
            : null;
}
