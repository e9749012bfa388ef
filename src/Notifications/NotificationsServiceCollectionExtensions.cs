using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Shizhu.Notifications.Deliveries;
using Shizhu.Notifications.Outbound;
using Shizhu.Notifications.Outbound.DingTalk;
using Shizhu.Notifications.Outbound.Sms;
using Shizhu.Notifications.Outbound.WeCom;
using Shizhu.Notifications.Email;
using Shizhu.Notifications.Idempotency;
using Shizhu.Notifications.InApp;
using Shizhu.Notifications.Persistence;
using Shizhu.Notifications.Persistence.Postgres;
using Shizhu.Notifications.Persistence.Sqlite;
using Shizhu.Notifications.Pipeline;
using Shizhu.Notifications.Preferences;
using Shizhu.Notifications.Sending;
using Shizhu.Workflows.Persistence;

namespace Shizhu.Notifications;

public static class NotificationsServiceCollectionExtensions
{
    /// <summary>
    /// Registers the notification store (<see cref="NotificationDbContext"/> resolves to the provider's
    /// subclass), the e-mail options and every channel's services. The caller registers an
    /// <see cref="Audiences.IRecipientDirectory"/>; a <see cref="TimeProvider"/> is added unless one is present.
    /// </summary>
    public static IServiceCollection AddNotifications(
        this IServiceCollection services, IConfiguration configuration, DatabaseProvider provider, string connectionString)
    {
        _ = provider switch
        {
            DatabaseProvider.Sqlite => services.AddDbContext<NotificationDbContext, SqliteNotificationDbContext>(
                o => o.UseNotificationSqlite(connectionString)),
            DatabaseProvider.Postgres => services.AddDbContext<NotificationDbContext, PostgresNotificationDbContext>(
                o => o.UseNotificationPostgres(connectionString)),
            _ => throw new ArgumentOutOfRangeException(nameof(provider), provider, "Unknown database provider."),
        };

        services.AddOptions<EmailOptions>()
            .Bind(configuration.GetSection(EmailOptions.Section))
            .Validate(o => !o.Enabled || !string.IsNullOrWhiteSpace(o.SmtpHost),
                $"{EmailOptions.Section}:SmtpHost is required when e-mail is enabled.")
            .ValidateOnStart();

        services.AddOptions<DeliveryOptions>()
            .Bind(configuration.GetSection(DeliveryOptions.Section))
            .Validate(o => o.Retry.MaxAttempts >= 1 && o.Retry.InitialDelay > TimeSpan.Zero && o.Retry.MaxDelay >= o.Retry.InitialDelay,
                $"{DeliveryOptions.Section}:Retry needs MaxAttempts >= 1 and 0 < InitialDelay <= MaxDelay.")
            .Validate(o => o.SweepInterval > TimeSpan.Zero && o.AttemptLease > TimeSpan.Zero,
                $"{DeliveryOptions.Section}:SweepInterval and AttemptLease must be positive.")
            .Validate(o => o.QuietHours.Start >= TimeSpan.Zero && o.QuietHours.Start < TimeSpan.FromDays(1)
                           && o.QuietHours.End >= TimeSpan.Zero && o.QuietHours.End < TimeSpan.FromDays(1),
                $"{DeliveryOptions.Section}:QuietHours Start and End are times of day (hh:mm).")
            .ValidateOnStart();

        services.TryAddSingleton(TimeProvider.System);
        services.AddMessageChannels(configuration);
        services.AddScoped<ProcessedEventLog>();
        services.AddScoped<InAppNotificationWriter>();
        services.AddScoped<NotificationQueries>();
        services.AddScoped<Lists.NotificationListQuery>();
        services.AddScoped<Lists.NotificationGroupRead>();

        // The delivery pipeline of the external channels (ADR 0030).
        services.AddSingleton<DeliveryPolicy>();
        services.AddSingleton<ChannelThrottle>();
        services.AddScoped<DeliveryAttempts>();
        services.AddScoped<DeliverySweep>();
        services.AddScoped<DeliveryQueries>();
        services.AddScoped<DeliveryResender>();
        services.AddScoped<PreferenceStore>();
        services.AddHostedService<DeliverySweepService>();

        services.AddSingleton<SmtpMailer>();
        services.AddMessageSender<EmailSender>();
        return services;
    }

    /// <summary>
    /// Installs an external channel's sender: the pipeline's <see cref="SenderChannel{TSender}"/> over it, and the sender
    /// among those the sweep retries with. Its consumer is added with <see cref="AddSenderConsumer{TSender, TDefinition}"/>.
    /// </summary>
    public static IServiceCollection AddMessageSender<TSender>(this IServiceCollection services) where TSender : class, IMessageSender
    {
        services.TryAddScoped<TSender>();
        services.AddScoped<IMessageSender>(sp => sp.GetRequiredService<TSender>());
        services.AddScoped<SenderChannel<TSender>>();
        return services;
    }

    /// <summary>The consumer of an external channel's pipeline, on its definition's queue.</summary>
    public static void AddSenderConsumer<TSender, TDefinition>(this IBusRegistrationConfigurator bus)
        where TSender : class, IMessageSender
        where TDefinition : SenderConsumerDefinition<TSender> =>
        bus.AddConsumer<NotificationConsumer<SenderChannel<TSender>>, TDefinition>();

    /// <summary>
    /// Adds every notification consumer, each on its own endpoint with its definition's settings: in-app and e-mail
    /// always (e-mail marks events processed even when switched off), an external channel's only when configuration
    /// enables it (<see cref="OutboundChannels"/>), since only then is its sender registered.
    /// </summary>
    public static void AddNotificationConsumers(this IBusRegistrationConfigurator bus, IConfiguration configuration)
    {
        bus.AddConsumer<NotificationConsumer<InAppNotificationWriter>, InAppNotificationConsumerDefinition>();
        bus.AddSenderConsumer<EmailSender, EmailNotificationConsumerDefinition>();
        var enabled = OutboundChannels.Enabled(configuration);
        if (enabled.Contains(Channels.WeCom))
            bus.AddSenderConsumer<WeComApplicationSender, WeComNotificationConsumerDefinition>();
        if (enabled.Contains(Channels.WeComRobot))
            bus.AddSenderConsumer<WeComRobotSender, WeComRobotNotificationConsumerDefinition>();
        if (enabled.Contains(Channels.DingTalk))
            bus.AddSenderConsumer<DingTalkWorkNotificationSender, DingTalkNotificationConsumerDefinition>();
        if (enabled.Contains(Channels.DingTalkRobot))
            bus.AddSenderConsumer<DingTalkRobotSender, DingTalkRobotNotificationConsumerDefinition>();
        if (enabled.Contains(Channels.Sms))
            bus.AddSenderConsumer<SmsSender, SmsNotificationConsumerDefinition>();
    }

    /// <summary>
    /// The consumers <see cref="AddNotificationConsumers"/> puts on the bus, by the name each marks processed events
    /// with: every published event must be marked by all of them (the outbox reconciliation's list).
    /// </summary>
    public static IReadOnlyList<string> NotificationConsumerNames(IConfiguration configuration) =>
        [Channels.InApp, Channels.Email, .. OutboundChannels.Enabled(configuration)];
}
