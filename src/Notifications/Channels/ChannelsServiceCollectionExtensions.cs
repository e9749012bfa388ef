using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Shizhu.Notifications.Outbound.DingTalk;
using Shizhu.Notifications.Outbound.Sms;
using Shizhu.Notifications.Outbound.WeCom;
using Shizhu.Notifications.Sending;
using Shizhu.Notifications.Texts;

// The folder is Channels/, the namespace Outbound: a namespace Shizhu.Notifications.Channels would hide the
// Deliveries.Channels names (Channels.Email, Channels.InApp) from every other notifications namespace.
namespace Shizhu.Notifications.Outbound;

public static class ChannelsServiceCollectionExtensions
{
    /// <summary>
    /// Registers the WeCom, DingTalk and SMS senders that configuration enables (<see cref="OutboundChannels"/>), each an
    /// <see cref="IMessageSender"/> with its delivery pipeline on a typed <see cref="HttpClient"/> whose base address comes from configuration (tests point it at local listeners),
    /// and the channel texts. Incomplete settings of an enabled channel stop the start-up, naming the keys.
    /// </summary>
    public static IServiceCollection AddMessageChannels(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<TextOptions>().Bind(configuration.GetSection(TextOptions.Section))
            .Validate(o => string.IsNullOrWhiteSpace(o.PublicBaseUrl) || IsHttpUri(o.PublicBaseUrl),
                $"{TextOptions.Section}:PublicBaseUrl must be an absolute http(s) address.")
            .ValidateOnStart();
        services.AddSingleton<ChannelText>();

        Bind<WeComOptions>(services, configuration, WeComOptions.Section, o => o.Enabled, o => o.BaseAddress)
            .Validate(o => !o.Enabled || o.ApplicationConfigured || o.RobotConfigured,
                $"{WeComOptions.Section}: set CorpId, AgentId and Secret (application messages) or RobotKey (group robot), or Enabled=false.");
        Bind<DingTalkOptions>(services, configuration, DingTalkOptions.Section, o => o.Enabled, o => o.BaseAddress)
            .Validate(o => !o.Enabled || o.ApplicationConfigured || o.RobotConfigured,
                $"{DingTalkOptions.Section}: set AppKey, AppSecret and AgentId (work notifications) or RobotAccessToken and RobotSecret (group robot), or Enabled=false.");
        Bind<SmsOptions>(services, configuration, SmsOptions.Section, o => o.Enabled, o => o.BaseAddress)
            .Validate(o => !o.Enabled || o.Gateway == AliyunSmsGateway.GatewayName,
                $"{SmsOptions.Section}:Gateway must be {AliyunSmsGateway.GatewayName}.")
            .Validate(o => !o.Enabled || (!string.IsNullOrWhiteSpace(o.AccessKeyId) && !string.IsNullOrWhiteSpace(o.AccessKeySecret)),
                $"{SmsOptions.Section}:AccessKeyId and AccessKeySecret are required when SMS is enabled.")
            .Validate(o => !o.Enabled || !string.IsNullOrWhiteSpace(o.SignName),
                $"{SmsOptions.Section}:SignName is required when SMS is enabled.")
            .Validate(o => !o.Enabled || o.Templates.Keys.All(k => Enum.TryParse<MessageKind>(k, out _)),
                $"{SmsOptions.Section}:Templates: every key must be a message kind ({string.Join(", ", Enum.GetNames<MessageKind>())}).")
            .Validate(o => o.MaxSegments is >= 1 and <= 10, $"{SmsOptions.Section}:MaxSegments must be 1–10.");
        var enabled = OutboundChannels.Enabled(configuration);
        if (enabled.Contains(Deliveries.Channels.WeCom))
        {
            services.AddSingleton<WeComAccessToken>();
            AddSender<WeComApplicationSender, WeComOptions>(services, o => o.BaseAddress, o => o.TimeoutSeconds);
        }
        if (enabled.Contains(Deliveries.Channels.WeComRobot))
            AddSender<WeComRobotSender, WeComOptions>(services, o => o.BaseAddress, o => o.TimeoutSeconds);
        if (enabled.Contains(Deliveries.Channels.DingTalk))
        {
            services.AddSingleton<DingTalkAccessToken>();
            AddSender<DingTalkWorkNotificationSender, DingTalkOptions>(services, o => o.BaseAddress, o => o.TimeoutSeconds);
        }
        if (enabled.Contains(Deliveries.Channels.DingTalkRobot))
            AddSender<DingTalkRobotSender, DingTalkOptions>(services, o => o.BaseAddress, o => o.TimeoutSeconds);
        if (enabled.Contains(Deliveries.Channels.Sms))
        {
            services.AddHttpClient<ISmsGateway, AliyunSmsGateway>(ConfigureClient<SmsOptions>(o => o.BaseAddress, o => o.TimeoutSeconds));
            services.AddMessageSender<SmsSender>();
        }
        return services;
    }

    static OptionsBuilder<T> Bind<T>(IServiceCollection services, IConfiguration configuration, string section,
        Func<T, bool> enabled, Func<T, string> baseAddress) where T : class =>
        services.AddOptions<T>().Bind(configuration.GetSection(section))
            .Validate(o => !enabled(o) || IsHttpUri(baseAddress(o)), $"{section}:BaseAddress must be an absolute http(s) address.")
            .ValidateOnStart();

    static void AddSender<TSender, TOptions>(IServiceCollection services, Func<TOptions, string> baseAddress, Func<TOptions, int> timeoutSeconds)
        where TSender : class, IMessageSender where TOptions : class
    {
        // The typed client registers TSender first; AddMessageSender then only adds its pipeline (ADR 0030).
        services.AddHttpClient<TSender>(ConfigureClient(baseAddress, timeoutSeconds));
        services.AddMessageSender<TSender>();
    }

    static Action<IServiceProvider, HttpClient> ConfigureClient<TOptions>(Func<TOptions, string> baseAddress, Func<TOptions, int> timeoutSeconds)
        where TOptions : class => (sp, http) =>
    {
        var o = sp.GetRequiredService<IOptions<TOptions>>().Value;
        // A trailing slash so the senders' relative paths ("cgi-bin/…") land under a base with a path prefix too.
        http.BaseAddress = new Uri(baseAddress(o).TrimEnd('/') + "/");
        http.Timeout = TimeSpan.FromSeconds(timeoutSeconds(o));
    };

    static bool IsHttpUri(string? value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps);
}
