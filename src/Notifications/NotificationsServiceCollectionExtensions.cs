using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Shizhu.Notifications.Outbound;
using Shizhu.Notifications.Email;
using Shizhu.Notifications.Idempotency;
using Shizhu.Notifications.InApp;
using Shizhu.Notifications.Persistence;
using Shizhu.Notifications.Persistence.Postgres;
using Shizhu.Notifications.Persistence.Sqlite;
using Shizhu.Notifications.Pipeline;
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

        services.TryAddSingleton(TimeProvider.System);
        services.AddMessageChannels(configuration);
        services.AddScoped<ProcessedEventLog>();
        services.AddScoped<InAppNotificationWriter>();
        services.AddScoped<NotificationQueries>();
        services.AddSingleton<SmtpMailer>();
        services.AddScoped<EmailDispatcher>();
        return services;
    }

    /// <summary>Adds every notification consumer, each on its own endpoint with its definition's settings.</summary>
    public static void AddNotificationConsumers(this IBusRegistrationConfigurator bus)
    {
        bus.AddConsumer<NotificationConsumer<InAppNotificationWriter>, InAppNotificationConsumerDefinition>();
        bus.AddConsumer<NotificationConsumer<EmailDispatcher>, EmailNotificationConsumerDefinition>();
    }
}
