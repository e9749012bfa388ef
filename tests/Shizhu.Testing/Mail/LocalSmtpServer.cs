using System.Buffers;
using System.Net;
using MimeKit;
using SmtpServer;
using SmtpServer.ComponentModel;
using SmtpServer.Mail;
using SmtpServer.Net;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace Shizhu.Testing.Mail;

/// <summary>
/// A real SMTP server on 127.0.0.1 that keeps what it receives, so the e-mail tests go through MailKit,
/// TCP and the SMTP protocol exactly as production does. Addresses in <c>refused</c> get a 5xx at RCPT TO.
/// </summary>
public sealed class LocalSmtpServer : IAsyncDisposable
{
    static readonly TimeSpan Bound = TimeSpan.FromSeconds(30);

    readonly CancellationTokenSource stop = new();
    readonly Inbox inbox;
    readonly SmtpServer.SmtpServer server;
    readonly Task running;
    readonly TaskCompletionSource<int> listening = new(TaskCreationOptions.RunContinuationsAsynchronously);
    int sessions;

    LocalSmtpServer(int port, IReadOnlySet<string> refused)
    {
        inbox = new Inbox(refused);
        var listener = new EndpointListenerFactory();
        // Subscribed before the start: the listener may bind before StartAsync returns.
        listener.EndpointStarted += (_, e) => listening.TrySetResult(((IPEndPoint)e.LocalEndPoint).Port);
        var options = new SmtpServerOptionsBuilder()
            .ServerName("localhost")
            .Endpoint(b => b.Endpoint(new IPEndPoint(IPAddress.Loopback, port)))
            .Build();
        var components = new SmtpServer.ComponentModel.ServiceProvider();
        components.Add((IMessageStore)inbox);
        components.Add((IMailboxFilter)inbox);
        components.Add(listener);
        server = new SmtpServer.SmtpServer(options, components);
        server.SessionCreated += (_, _) => Interlocked.Increment(ref sessions);
        running = server.StartAsync(stop.Token);
    }

    public int Port { get; private set; }

    /// <summary>How many SMTP sessions were opened against the server.</summary>
    public int Sessions => Volatile.Read(ref sessions);

    public IReadOnlyList<MimeMessage> Messages => inbox.Snapshot();

    /// <summary>Starts on <paramref name="port"/> (0: any free port) and returns once it listens.</summary>
    public static async Task<LocalSmtpServer> StartAsync(int port = 0, params string[] refused)
    {
        var smtp = new LocalSmtpServer(port, refused.ToHashSet(StringComparer.OrdinalIgnoreCase));
        smtp.Port = await smtp.listening.Task.WaitAsync(Bound);
        return smtp;
    }

    /// <summary>Waits until at least <paramref name="count"/> messages have arrived.</summary>
    public Task WaitForMessagesAsync(int count) => inbox.WaitForAsync(count).WaitAsync(Bound);

    public async ValueTask DisposeAsync()
    {
        server.Shutdown();
        await server.ShutdownTask.WaitAsync(Bound);
        await stop.CancelAsync();
        try
        {
            await running.WaitAsync(Bound);
        }
        catch (OperationCanceledException)
        {
            // The server reports its cancellation this way; it has stopped either way.
        }

        stop.Dispose();
    }

    sealed class Inbox(IReadOnlySet<string> refused) : MessageStore, IMailboxFilter
    {
        readonly List<MimeMessage> messages = [];
        readonly List<(int Count, TaskCompletionSource Done)> waiters = [];

        public IReadOnlyList<MimeMessage> Snapshot()
        {
            lock (messages)
                return [.. messages];
        }

        public Task WaitForAsync(int count)
        {
            lock (messages)
            {
                if (messages.Count >= count)
                    return Task.CompletedTask;
                var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                waiters.Add((count, done));
                return done.Task;
            }
        }

        public override async Task<SmtpResponse> SaveAsync(
            ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
        {
            using var stream = new MemoryStream(buffer.ToArray());
            var message = await MimeMessage.LoadAsync(stream, cancellationToken);
            lock (messages)
            {
                messages.Add(message);
                foreach (var waiter in waiters.Where(w => messages.Count >= w.Count).ToList())
                {
                    waiter.Done.TrySetResult();
                    waiters.Remove(waiter);
                }
            }

            return SmtpResponse.Ok;
        }

        public Task<bool> CanAcceptFromAsync(ISessionContext context, IMailbox from, int size, CancellationToken cancellationToken) =>
            Task.FromResult(true);

        public Task<bool> CanDeliverToAsync(ISessionContext context, IMailbox to, IMailbox from, CancellationToken cancellationToken) =>
            Task.FromResult(!refused.Contains(to.AsAddress()));
    }
}
