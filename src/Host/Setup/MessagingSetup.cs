using MassTransit;
using Shizhu.Host.Configuration;
using Shizhu.Host.Messaging;
using Shizhu.Notifications;
using Shizhu.Workflows.Outbox;

namespace Shizhu.Host.Setup;

public static class MessagingSetup
{
    /// <summary>MassTransit over RabbitMQ (production) or in memory (embedded), the notification consumers, the outbox relay and its reconciliation.</summary>
    public static void AddMessaging(this IHostApplicationBuilder builder)
    {
        var section = builder.Configuration.GetSection(BusOptions.Section);
        builder.Services.Configure<BusOptions>(section);
        var options = section.Get<BusOptions>() ?? new BusOptions();

        builder.Services.AddMassTransit(bus =>
        {
            bus.SetKebabCaseEndpointNameFormatter();
            // MassTransit 8.4+ reports usage to its vendor's host after start-up; a county government network has no
            // internet and must not try (issue 15). MASSTRANSIT_USAGE_TELEMETRY=false would say the same per machine.
            bus.ConfigureUsageTelemetryOptions(o => o.Enabled = false);
            bus.AddNotificationConsumers(builder.Configuration);
            if (options.Transport == BusTransport.RabbitMq)
                bus.UsingRabbitMq((context, cfg) =>
                {
                    var uri = new Uri(options.RabbitMqUri);
                    var credentials = Uri.UnescapeDataString(uri.UserInfo).Split(':', 2);
                    var vhost = uri.AbsolutePath.Trim('/');
                    cfg.Host(uri.Host, (ushort)(uri.IsDefaultPort || uri.Port <= 0 ? 5672 : uri.Port), string.IsNullOrEmpty(vhost) ? "/" : vhost, h =>
                    {
                        if (credentials.Length == 2)
                        {
                            h.Username(credentials[0]);
                            h.Password(credentials[1]);
                        }
                    });
                    cfg.ConfigureEndpoints(context);
                });
            else
                bus.UsingInMemory((context, cfg) => cfg.ConfigureEndpoints(context));
        });
        // Without these, a Host whose broker is down starts "fine" and then hangs on the first publish. Start-up
        // has already waited for the broker (DatabaseInitializer); the bus gets the same bound to connect.
        var startup = builder.Configuration.GetSection(StartupOptions.Section);
        builder.Services.Configure<StartupOptions>(startup);
        var waitForDependencies = (startup.Get<StartupOptions>() ?? new StartupOptions()).WaitForDependencies;
        builder.Services.Configure<MassTransitHostOptions>(o =>
        {
            o.WaitUntilStarted = true;
            o.StartTimeout = waitForDependencies > TimeSpan.FromSeconds(60) ? waitForDependencies : TimeSpan.FromSeconds(60);
            o.StopTimeout = TimeSpan.FromSeconds(15);
        });

        builder.Services.AddSingleton<OutboxSignal>();
        builder.Services.AddSingleton<IOutboxSignal>(sp => sp.GetRequiredService<OutboxSignal>());
        builder.Services.AddSingleton<OutboxRelay>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<OutboxRelay>());
        builder.Services.Configure<ReconciliationOptions>(builder.Configuration.GetSection(ReconciliationOptions.Section));
        builder.Services.AddSingleton<OutboxReconciler>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<OutboxReconciler>());
    }
}
