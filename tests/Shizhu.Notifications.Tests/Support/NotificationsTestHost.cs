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
using Shizhu.Testing.Databases;
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

    // A shared-cache in-memory database lives as long as one connection to it is open (null on PostgreSQL).
    readonly SqliteConnection? keepAlive;
    readonly TestPostgres? postgres;
    readonly ServiceProvider services;
    readonly Start start;

    /// <summary>What a restart needs to wire the library again on the same database, clock and directory.</summary>
    sealed record Start(
        DatabaseProvider Provider, string ConnectionString, IRecipientDirectory Directory, IDictionary<string, string?> Settings,
        Action<IServiceCollection, IBusRegistrationConfigurator>? AddChannels);

    NotificationsTestHost(SqliteConnection? keepAlive, TestPostgres? postgres, ServiceProvider services, FakeTimeProvider clock, Start start)
    {
        this.keepAlive = keepAlive;
        this.postgres = postgres;
        this.services = services;
        this.start = start;
        Clock = clock;
        Harness = services.GetRequiredService<ITestHarness>();
    }

    public ITestHarness Harness { get; }
    public FakeTimeProvider Clock { get; }

    /// <param name="addChannels">Registers further channels (their services and consumers) beside the built-in ones.</param>
    /// <param name="provider">SQLite in memory (default) or a fresh database on the tests' PostgreSQL.</param>
    public static async Task<NotificationsTestHost> StartAsync(
        IRecipientDirectory? directory = null, IDictionary<string, string?>? settings = null,
        Action<IServiceCollection, IBusRegistrationConfigurator>? addChannels = null,
        DatabaseProvider provider = DatabaseProvider.Sqlite)
    {
        SqliteConnection? keepAlive = null;
        TestPostgres? postgres = null;
        string connectionString;
        if (provider == DatabaseProvider.Postgres)
        {
            postgres = new TestPostgres();
            await postgres.StartAsync();
            connectionString = postgres.ConnectionString;
        }
        else
        {
            connectionString = $"Data Source=notifications-{Guid.NewGuid():N};Mode=Memory;Cache=Shared";
            keepAlive = new SqliteConnection(connectionString);
            await keepAlive.OpenAsync();
        }

        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 5, 10, 8, 0, 0, TimeSpan.Zero));
        var start = new Start(provider, connectionString, directory ?? new InMemoryRecipientDirectory(),
            settings ?? new Dictionary<string, string?>(), addChannels);
        var services = Wire(start, clock);

        await using (var scope = services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<NotificationDbContext>().Database.MigrateAsync();

        var host = new NotificationsTestHost(keepAlive, postgres, services, clock, start);
        await host.Harness.Start();
        return host;
    }

    static ServiceProvider Wire(Start start, FakeTimeProvider clock)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(start.Settings).Build();
        var collection = new ServiceCollection()
            .AddLogging()
            .AddSingleton<TimeProvider>(clock)
            .AddSingleton(start.Directory);
        collection.AddNotifications(configuration, start.Provider, start.ConnectionString);
        collection.AddMassTransitTestHarness(bus =>
        {
            bus.SetTestTimeouts(testTimeout: Bound, testInactivityTimeout: Bound);
            bus.AddNotificationConsumers(configuration);
            start.AddChannels?.Invoke(collection, bus);
        });
        return collection.BuildServiceProvider(validateScopes: true);
    }

    /// <summary>
    /// Stops this process's services (bus, singletons such as the rate windows) and starts them again on the same
    /// database and clock, as a restart of the Host would; this instance keeps the database, the new one uses it.
    /// </summary>
    public async Task<NotificationsTestHost> RestartAsync()
    {
        await StopAsync();
        ownsDatabase = false;
        var restarted = new NotificationsTestHost(keepAlive, postgres, Wire(start, Clock), Clock, start);
        await restarted.Harness.Start();
        return restarted;
    }

    bool stopped;
    bool ownsDatabase = true;

    async Task StopAsync()
    {
        if (stopped)
            return;
        stopped = true;
        await Harness.Stop();
        await services.DisposeAsync();
    }

    /// <summary>
    /// Publishes an event and returns once every notification consumer has finished with it;
    /// <paramref name="deliveries"/> counts earlier publications of the same event too.
    /// </summary>
    public async Task PublishAndWaitAsync<T>(T message, int deliveries = 1) where T : class
    {
        await Harness.Bus.Publish(message);
        await WaitUntilConsumedAsync<NotificationConsumer<InApp.InAppNotificationWriter>, T>(message, deliveries);
        await WaitUntilConsumedAsync<NotificationConsumer<SenderChannel<Email.EmailSender>>, T>(message, deliveries);
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

    /// <summary>One pass of the delivery sweep, as the Host's background service runs it.</summary>
    public Task<int> SweepAsync() => InScopeAsync<DeliverySweep, int>(s => s.RunOnceAsync(CancellationToken.None));

    /// <summary>Stops the services; the host that last owned the database (the newest after restarts) drops it too.</summary>
    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        if (!ownsDatabase)
            return;
        if (keepAlive is not null)
            await keepAlive.DisposeAsync();
        if (postgres is not null)
            await postgres.DisposeAsync();
    }
}
