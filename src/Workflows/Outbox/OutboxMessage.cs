namespace Shizhu.Workflows.Outbox;

/// <summary>
/// A domain event written in the same transaction as the state change that caused it; the Host's relay
/// publishes it afterwards, so an event is never sent for a change that rolled back.
/// </summary>
public sealed class OutboxMessage
{
    public long Id { get; init; }
    public required Guid EventId { get; init; }
    public required string Type { get; init; }
    public required string Payload { get; init; }
    public required DateTimeOffset OccurredAt { get; init; }
    public DateTimeOffset? PublishedAt { get; set; }
    public int Attempts { get; set; }
    public string? LastError { get; set; }
    /// <summary>
    /// The W3C <c>traceparent</c> of the activity that raised the event (the HTTP request, the timer sweep), so the relay
    /// publishes it as that trace's child and the consumers' logs carry the request's trace id (ADR 0043); null outside a trace.
    /// </summary>
    public string? TraceParent { get; init; }
}
