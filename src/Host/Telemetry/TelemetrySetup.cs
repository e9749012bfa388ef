using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using Serilog;
using Serilog.Formatting.Compact;
using Shizhu.Notifications.Telemetry;
using Shizhu.Workflows.Telemetry;

namespace Shizhu.Host.Telemetry;

/// <summary>
/// Structured logs (Serilog: readable text in development, compact JSON in production), OpenTelemetry traces (ASP.NET
/// Core, MassTransit, and Npgsql when exported) and metrics (the engine's and notifications' meters, ASP.NET Core's,
/// the backlog gauges) on a Prometheus endpoint guarded by a scrape token (ADR 0043).
/// </summary>
public static class TelemetrySetup
{
    public const string ServiceName = "shizhu-workflows";

    public static void AddTelemetry(this IHostApplicationBuilder builder)
    {
        var section = builder.Configuration.GetSection(TelemetryOptions.Section);
        builder.Services.Configure<TelemetryOptions>(section);
        var options = section.Get<TelemetryOptions>() ?? new TelemetryOptions();

        builder.Services.AddSerilog((services, logger) =>
        {
            // Levels and overrides come from the usual "Logging" section's names, so one place sets them for both.
            logger.ReadFrom.Configuration(builder.Configuration).Enrich.FromLogContext()
                .MinimumLevel.Override("Microsoft.AspNetCore", Serilog.Events.LogEventLevel.Warning)
                .MinimumLevel.Override("Microsoft.EntityFrameworkCore", Serilog.Events.LogEventLevel.Warning);
            if (options.LogFormat == LogFormat.Json) logger.WriteTo.Console(new RenderedCompactJsonFormatter());
            else logger.WriteTo.Console(outputTemplate: "[{Timestamp:HH:mm:ss} {Level:u3}] {SourceContext}: {Message:lj}{NewLine}{Exception}");
        });

        builder.Services.AddSingleton<BacklogGauges>();
        builder.Services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService(ServiceName))
            .WithTracing(tracing =>
            {
                // MassTransit's activities carry the request's trace through the broker (traceparent header) to the
                // consumers; the relay restores it from the outbox row (OutboxTrace).
                tracing.AddAspNetCoreInstrumentation(o => o.Filter = c => !c.Request.Path.StartsWithSegments("/health"))
                    .AddSource("MassTransit", OutboxTrace.SourceName);
                if (string.IsNullOrWhiteSpace(options.OtlpEndpoint)) return;
                tracing.AddSource("Npgsql").AddOtlpExporter(o => o.Endpoint = new Uri(options.OtlpEndpoint));
            })
            .WithMetrics(metrics => metrics
                .AddMeter(EngineMetrics.MeterName, NotificationMetrics.MeterName, BacklogGauges.MeterName)
                .AddMeter("Microsoft.AspNetCore.Hosting", "Microsoft.AspNetCore.Server.Kestrel")
                .AddPrometheusExporter());
    }

    /// <summary>
    /// <c>/metrics</c> for Prometheus, only with the scrape token (constant-time compare); without a configured token the
    /// route does not exist. Not under the UI's or API's sign-in: a scraper has no account.
    /// </summary>
    public static void MapMetrics(this WebApplication app)
    {
        var token = app.Configuration[$"{TelemetryOptions.Section}:{nameof(TelemetryOptions.MetricsScrapeToken)}"];
        if (string.IsNullOrWhiteSpace(token)) return;
        // The gauges exist once something asks for them; the exporter's middleware is not a route handler, so the token
        // is checked by a middleware of its own in front of it.
        app.Services.GetRequiredService<BacklogGauges>();
        var guard = new ScrapeTokenGuard(token);
        app.Use((context, next) => context.Request.Path.StartsWithSegments(MetricsPath) ? guard.InvokeAsync(context, next) : next(context));
        app.MapPrometheusScrapingEndpoint(MetricsPath).AllowAnonymous();
    }

    private const string MetricsPath = "/metrics";
}
