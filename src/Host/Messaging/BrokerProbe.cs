using Microsoft.Extensions.Options;
using RabbitMQ.Client;
using Shizhu.Host.Configuration;

namespace Shizhu.Host.Messaging;

/// <summary>
/// Opens (and closes) one AMQP connection to the configured RabbitMQ: the honest answer to "is the broker
/// there now?". MassTransit's own bus check lags behind reconnects, so readiness and start-up ask this instead.
/// </summary>
public sealed class BrokerProbe(IOptions<BusOptions> options)
{
    public bool Applies => options.Value.Transport == BusTransport.RabbitMq;

    /// <summary>Null when the broker accepted a connection, else why not.</summary>
    public async Task<Exception?> TryConnectAsync(TimeSpan timeout, CancellationToken ct)
    {
        if (!Applies) return null;
        var factory = new ConnectionFactory
        {
            Uri = new Uri(options.Value.RabbitMqUri),
            RequestedConnectionTimeout = timeout,
            AutomaticRecoveryEnabled = false,
            ClientProvidedName = "shizhu-readiness",
        };
        try
        {
            using var cts = CancellationTokenSource.CreateLinkedTokenSource(ct);
            cts.CancelAfter(timeout);
            await using var connection = await factory.CreateConnectionAsync(cts.Token);
            await connection.CloseAsync(cts.Token);
            return null;
        }
        catch (Exception ex) when (!ct.IsCancellationRequested)
        {
            return ex;
        }
    }
}
