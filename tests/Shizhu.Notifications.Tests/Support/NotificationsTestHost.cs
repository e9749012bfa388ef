using MassTransit;
using MassTransit.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Shizhu.Notifications.Audiences;
using Shizhu.Notifications.Persistence;
using Shizhu.Notifications.Pipeline;
using Shizhu.Workflows.Persistence;

namespace Shizhu.Notifications.Tests.Support;

/// <summary>
/// The notifications library wired as the Host wires it, on MassTransit's in-memory test harness and a
/// private in-memory SQLite database migrated with the real migrations. One per test: nothing is shared.
/// </summary>
public sealed class NotificationsTestHost : IAsyncDisposable
{
    // Long enough for the e-mail retry (1 s) to come round; every wait is bounded by it.
    static readonly TimeSpan Bound = TimeSpan.FromSeconds(30);

    // A shared-cache in-memory database lives as long as one connection to it is open.
    readonly SqliteConnection keepAlive;
    readonly ServiceProvider services;

    NotificationsTestHost(SqliteConnection keepAlive, ServiceProvider services, FakeTimeProvider clock)
    {
        this.keepAlive = keepAlive;
        this.services = services;
        Clock = clock;
        Harness = services.GetRequiredService<ITestHarness>();
    }

    public ITestHarness Harness { get; }
    public FakeTimeProvider Clock { get; }

    /// <param name="addChannels">Registers further channels (their services and consumers) beside the built-in ones.</param>
    public static async Task<NotificationsTestHost> StartAsync(
        IRecipientDirectory? directory = null, IDictionary<string, string?>? settings = null,
        Action<IServiceCollection, IBusRegistrationConfigurator>? addChannels = null)
    {
        var connectionString = $"Data Source=notifications-{Guid.NewGuid():N};Mode=Memory;Cache=Shared";
        var keepAlive = new SqliteConnection(connectionString);
        await keepAlive.OpenAsync();

        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 5, 10, 8, 0, 0, TimeSpan.Zero));
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings ?? new Dictionary<string, string?>()).Build();
        var collection = new ServiceCollection()
            .AddLogging()
            .AddSingleton<TimeProvider>(clock)
            .AddSingleton<IRecipientDirectory>(directory ?? new InMemoryRecipientDirectory());
        collection.AddNotifications(configuration, DatabaseProvider.Sqlite, connectionString);
        collection.AddMassTransitTestHarness(bus =>
        {
            bus.SetTestTimeouts(testTimeout: Bound, testInactivityTimeout: Bound);
            bus.AddNotificationConsumers();
            addChannels?.Invoke(collection, bus);
        });
        var services = collection.BuildServiceProvider(validateScopes: true);

        await using (var scope = services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<NotificationDbContext>().Database.MigrateAsync();

        var host = new NotificationsTestHost(keepAlive, services, clock);
        await host.Harness.Start();
        return host;
    }

    /// <summary>
    /// Publishes an event and returns once every notification consumer has finished with it;
    /// <paramref name="deliveries"/> counts earlier publications of the same event too.
    /// </summary>
    public async Task PublishAndWaitAsync<T>(T message, int deliveries = 1) where T : class
    {
        await Harness.Bus.Publish(message);
        await WaitUntilConsumedAsync<NotificationConsumer<InApp.InAppNotificationWriter>, T>(message, deliveries);
        await WaitUntilConsumedAsync<NotificationConsumer<Email.EmailDispatcher>, T>(message, deliveries);
    }

    /// <summary>
    /// Waits until <typeparamref name="TConsumer"/> has consumed <paramref name="message"/> successfully
    /// <paramref name="times"/> times (events are records: a redelivery is an equal message).
    /// </summary>
    public async Task WaitUntilConsumedAsync<TConsumer, T>(T message, int times = 1)
        where TConsumer : class, IConsumer where T : class
    {
        using var timeout = new CancellationTokenSource(Bound);
        var seen = 0;
        await foreach (var _ in Harness.GetConsumerHarness<TConsumer>().Consumed
                           .SelectAsync<T>(m => m.Exception is null && m.Context.Message.Equals(message), timeout.Token))
        {
            if (++seen == times)
                return;
        }

        throw new TimeoutException($"{typeof(TConsumer).Name} consumed {message} {seen} of {times} times within {Bound}.");
    }

    /// <summary>Waits until an attempt of <typeparamref name="TConsumer"/> at <paramref name="message"/> has thrown.</summary>
    public async Task WaitUntilConsumerFailsAsync<TConsumer, T>(T message) where TConsumer : class, IConsumer where T : class
    {
        using var timeout = new CancellationTokenSource(Bound);
        if (!await Harness.GetConsumerHarness<TConsumer>().Consumed
                .SelectAsync<T>(m => m.Exception is not null && m.Context.Message.Equals(message), timeout.Token)
                .AnyAsync(timeout.Token))
            throw new TimeoutException($"{typeof(TConsumer).Name} did not fail at {message} within {Bound}.");
    }

    /// <summary>
    /// Polls the database until <paramref name="condition"/> holds, for what the harness cannot signal
    /// (it lists a message once, so the success of a retry after a failed first attempt never shows there).
    /// </summary>
    public async Task WaitUntilAsync(Func<NotificationDbContext, Task<bool>> condition)
    {
        using var timeout = new CancellationTokenSource(Bound);
        while (!await QueryDbAsync(condition))
            await Task.Delay(TimeSpan.FromMilliseconds(50), timeout.Token);
    }

    /// <summary>Runs <paramref name="work"/> in a fresh scope, as a request of the Host would.</summary>
    public async Task<TResult> InScopeAsync<TService, TResult>(Func<TService, Task<TResult>> work) where TService : notnull
    {
        await using var scope = services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<TService>());
    }

    public Task<TResult> QueryDbAsync<TResult>(Func<NotificationDbContext, Task<TResult>> query) =>
        InScopeAsync(query);

    public async ValueTask DisposeAsync()
    {
        await Harness.Stop();
        await services.DisposeAsync();
        await keepAlive.DisposeAsync();
    }
}
