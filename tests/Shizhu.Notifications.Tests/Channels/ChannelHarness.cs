using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Shizhu.Notifications.Audiences;
using Shizhu.Notifications.Outbound;
using Shizhu.Notifications.Sending;
using Shizhu.Testing.Http;
using Shizhu.Notifications.Tests.Support;

namespace Shizhu.Notifications.Tests.Outbound;

/// <summary>
/// The senders as the Host registers them (<see cref="ChannelsServiceCollectionExtensions.AddMessageChannels"/>), their
/// base addresses pointed at a <see cref="LocalHttpListener"/>, on a fake clock for token lifetimes and signatures.
/// </summary>
public sealed class ChannelHarness : IAsyncDisposable
{
    public const string PublicBaseUrl = "https://cjws.shizhu.example";

    public static readonly DateTimeOffset Now = new(2026, 5, 10, 1, 30, 0, TimeSpan.Zero);

    readonly ServiceProvider root;
    // Senders are scoped, as the pipeline resolves them per message or sweep: the harness is one such scope.
    readonly AsyncServiceScope scope;
    IServiceProvider Scoped => scope.ServiceProvider;

    ChannelHarness(LocalHttpListener provider, ServiceProvider root, FakeTimeProvider clock)
    {
        Provider = provider;
        this.root = root;
        scope = root.CreateAsyncScope();
        Clock = clock;
    }

    public LocalHttpListener Provider { get; }
    public FakeTimeProvider Clock { get; }

    /// <param name="settings">Keys under <c>Notifications:</c>; <c>{base}</c> in a value becomes the listener's address.</param>
    public static async Task<ChannelHarness> StartAsync(IDictionary<string, string?> settings)
    {
        var provider = await LocalHttpListener.StartAsync();
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(settings
                .Select(s => KeyValuePair.Create($"Notifications:{s.Key}", s.Value?.Replace("{base}", provider.BaseAddress.ToString().TrimEnd('/'))))
                .Append(KeyValuePair.Create("Notifications:PublicBaseUrl", (string?)PublicBaseUrl)))
            .Build();
        var clock = new FakeTimeProvider(Now);
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(clock);
        services.AddMessageChannels(configuration);
        return new ChannelHarness(provider, services.BuildServiceProvider(validateScopes: true), clock);
    }

    public IMessageSender Sender(string channel) =>
        Scoped.GetServices<IMessageSender>().Single(s => s.Channel == channel);

    public IReadOnlyList<IMessageSender> Senders => [.. Scoped.GetServices<IMessageSender>()];

    public T Resolve<T>() where T : notnull => Scoped.GetRequiredService<T>();

    public static Recipient ZhongyiStaff => new("zhongyi-staff", "谭晓梅", "tan@example.cn", "13912345678", "TanXiaoMei", "manager4521");

    /// <summary>A new task for 中益乡's staff, rendered by the audience rules, addressed on <paramref name="channel"/>.</summary>
    public OutgoingMessage TaskMessage(string channel, AudienceMessage? message = null)
    {
        var rendered = message ?? AudienceRules.For(SampleEvents.TaskCreated());
        var address = Sender(channel).AddressOf(ZhongyiStaff) ?? throw new InvalidOperationException("no address");
        return new OutgoingMessage(rendered.EventId, rendered.Kind, address, ZhongyiStaff, rendered);
    }

    public async ValueTask DisposeAsync()
    {
        await scope.DisposeAsync();
        await root.DisposeAsync();
        await Provider.DisposeAsync();
    }
}
