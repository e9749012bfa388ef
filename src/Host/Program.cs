using Shizhu.Host.Setup;

var builder = WebApplication.CreateBuilder(args);
builder.AddApplicationServices();

var app = builder.Build();
if (!StartupChecks.SettingsAreValid(app)) return 1;
await DatabaseInitializer.RunAsync(app.Services);
app.MapApplication();
app.Lifetime.ApplicationStarted.Register(() => StartupBanner.Print(app));
await app.RunAsync();
return 0;

/// <summary>The entry point; public so that tests can host it with WebApplicationFactory.</summary>
public partial class Program;
