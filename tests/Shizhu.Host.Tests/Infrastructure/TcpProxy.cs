using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;

namespace Shizhu.Host.Tests.Infrastructure;

/// <summary>
/// A loopback TCP proxy to a real server that a test can cut: while cut, it drops every open connection and
/// closes new ones at once, as a crashed or unreachable server would. Lets outage tests run against the shared
/// PostgreSQL and RabbitMQ without stopping them.
/// </summary>
public sealed class TcpProxy : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly string _upstreamHost;
    private readonly int _upstreamPort;
    private readonly CancellationTokenSource _stop = new();
    private readonly ConcurrentDictionary<TcpClient, byte> _open = new();
    private volatile bool _cut;

    public TcpProxy(string upstreamHost, int upstreamPort, bool startCut = false)
    {
        _upstreamHost = upstreamHost;
        _upstreamPort = upstreamPort;
        _cut = startCut;
        _listener.Start();
        _ = AcceptLoopAsync();
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    public void Cut()
    {
        _cut = true;
        foreach (var client in _open.Keys) client.Close();
    }

    public void Restore() => _cut = false;

    private async Task AcceptLoopAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient inbound;
            try
            {
                inbound = await _listener.AcceptTcpClientAsync(_stop.Token);
            }
            catch (Exception) when (_stop.IsCancellationRequested)
            {
                return;
            }
            if (_cut)
            {
                inbound.Close();
                continue;
            }
            _ = RelayAsync(inbound);
        }
    }

    private async Task RelayAsync(TcpClient inbound)
    {
        using var outbound = new TcpClient();
        try
        {
            await outbound.ConnectAsync(_upstreamHost, _upstreamPort, _stop.Token);
            _open[inbound] = 0;
            _open[outbound] = 0;
            using var either = CancellationTokenSource.CreateLinkedTokenSource(_stop.Token);
            var up = inbound.GetStream().CopyToAsync(outbound.GetStream(), either.Token);
            var down = outbound.GetStream().CopyToAsync(inbound.GetStream(), either.Token);
            await Task.WhenAny(up, down);
            await either.CancelAsync();
        }
        catch (Exception)
        {
            // A cut or a closed side ends the relay; the other side is closed below.
        }
        finally
        {
            _open.TryRemove(inbound, out _);
            _open.TryRemove(outbound, out _);
            inbound.Close();
        }
    }

    public ValueTask DisposeAsync()
    {
        _stop.Cancel();
        _listener.Stop();
        foreach (var client in _open.Keys) client.Close();
        _stop.Dispose();
        return ValueTask.CompletedTask;
    }
}
