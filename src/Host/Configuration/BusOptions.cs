namespace Shizhu.Host.Configuration;

/// <summary><c>Bus</c>: the MassTransit transport. Embedded default: in-memory; production: RabbitMQ.</summary>
public sealed class BusOptions
{
    public const string Section = "Bus";
    public BusTransport Transport { get; set; } = BusTransport.InMemory;
    /// <summary><c>amqp://user:password@host:5672/vhost</c>; the credentials come from configuration only.</summary>
    public string RabbitMqUri { get; set; } = "amqp://guest:guest@localhost:5672/";
    /// <summary>How often the outbox relay polls when nothing woke it.</summary>
    public TimeSpan OutboxPollInterval { get; set; } = TimeSpan.FromSeconds(2);
}

public enum BusTransport
{
    InMemory,
    RabbitMq,
}
