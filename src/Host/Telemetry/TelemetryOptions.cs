namespace Shizhu.Host.Telemetry;

/// <summary><c>Telemetry</c>: logs, traces and metrics (ADR 0043; README "Telemetry").</summary>
public sealed class TelemetryOptions
{
    public const string Section = "Telemetry";

    /// <summary><c>Text</c> (readable console, development) or <c>Json</c> (one JSON object a line, production).</summary>
    public LogFormat LogFormat { get; set; } = LogFormat.Text;

    /// <summary>An OTLP collector (<c>http://collector:4317</c>); empty: traces are made (for propagation) but not exported.</summary>
    public string? OtlpEndpoint { get; set; }

    /// <summary>
    /// The bearer token Prometheus sends to <c>/metrics</c> (scrape config <c>authorization: credentials</c>); empty: no
    /// metrics endpoint at all. A secret, like the signing key: from the environment, never appsettings.json.
    /// </summary>
    public string? MetricsScrapeToken { get; set; }
}

public enum LogFormat
{
    Text,
    Json,
}
