using Shizhu.Host.Setup;

StartupTimeline.Mark("runtime and Main");
var builder = WebApplication.CreateBuilder(args);
builder.AddApplicationServices();
StartupTimeline.Mark("services registered");

var app = builder.Build();
StartupTimeline.Attach(app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Shizhu.Host.Startup"));
StartupTimeline.Mark("host built");
if (!StartupChecks.SettingsAreValid(app)) return 1;
StartupTimeline.Mark("settings checked");
// The schema check waits on the database while the pipeline and routes are built: neither needs the other (ADR 0052).
var schema = Task.Run(() => DatabaseInitializer.RunAsync(app.Services));
app.MapApplication();
StartupTimeline.Mark("endpoints mapped");
await schema;
app.MapJobDashboard();
app.Lifetime.ApplicationStarted.Register(() =>
{
    StartupTimeline.Mark("hosted services started and listening (Hangfire, MassTransit, Kestrel)");
    StartupBanner.Print(app);
});
await app.RunAsync();
return 0;

/// <summary>The entry point; public so that tests can host it with WebApplicationFactory.</summary>
public partial class Program;
