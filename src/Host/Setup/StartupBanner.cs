using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;
using Shizhu.Host.Clock;
using Shizhu.Host.Configuration;

namespace Shizhu.Host.Setup;

/// <summary>Tells the person who started the service where it is and how to sign in.</summary>
public static class StartupBanner
{
    public static void Print(WebApplication app)
    {
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Shizhu.Host");
        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        var seed = app.Services.GetRequiredService<IOptions<SeedOptions>>().Value;
        var clock = app.Services.GetRequiredService<ClockState>();
        var now = app.Services.GetRequiredService<TimeProvider>().GetUtcNow();
        logger.LogInformation("Shizhu.Workflows is listening on {Addresses}", string.Join(", ", addresses));
        logger.LogInformation("Clock mode {ClockMode}; now {Now:yyyy-MM-dd HH:mm} China time", clock.Mode, now.ToOffset(TimeSpan.FromHours(8)));
        if (app.Environment.IsDevelopment() && !string.IsNullOrEmpty(seed.AdminPassword))
            logger.LogInformation("Sign in as {AdminUser} / {AdminPassword} (county office); demo users: see README", seed.AdminUser, seed.AdminPassword);
        else
            logger.LogInformation("Sign in with the administrator account configured in Seed:AdminUser");
    }
}
