using System.Text.Json;
using System.Text.Json.Serialization;
using Shizhu.Host.Errors;
using Shizhu.Host.Telemetry;
using Shizhu.Workflows;

namespace Shizhu.Host.Setup;

/// <summary>The composition root, read top to bottom: every component the Host wires together.</summary>
public static class ApplicationSetup
{
    public static void AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.AddTelemetry();
        builder.AddClock();
        builder.AddDatabases();
        builder.AddSupervisionSettings();
        builder.Services.AddWorkflowEngine();
        builder.AddEvidence();
        builder.AddCockpit();
        builder.AddMessaging();
        builder.AddScheduler();
        builder.AddSecurity();
        builder.AddWebSecurity();
        builder.AddWebUi();

        builder.Services.AddProblemDetails();
        builder.Services.AddExceptionHandler<DatabaseOutageHandler>();
        builder.Services.AddExceptionHandler<ProblemExceptionHandler>();
        builder.Services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        builder.Services.ConfigureHttpJsonOptions(o =>
            o.SerializerOptions.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false)));
        builder.Services.AddOpenApi();
        builder.AddHealthChecks();
    }
}
