using Microsoft.Extensions.DependencyInjection.Extensions;
using Shizhu.Host.Bulletins;
using Shizhu.Workflows.Bulletins;
using Shizhu.Workflows.Supervision;

namespace Shizhu.Host.Setup;

public static class CockpitSetup
{
    public const string Section = "Cockpit";

    /// <summary>
    /// The cockpit's due-soon threshold from <c>Cockpit:DueSoonDays</c> and the bulletins' number pattern and
    /// PDF font from <c>Bulletins:*</c>, checked at start.
    /// </summary>
    public static void AddCockpit(this IHostApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection(Section).Get<CockpitOptions>() ?? new CockpitOptions();
        if (options.DueSoonDays <= 0) throw new InvalidOperationException("Cockpit:DueSoonDays must be positive.");
        // Replace: the engine registers the defaults. The cards' thresholds are the section Supervision's (ADR 0037).
        builder.Services.Replace(ServiceDescriptor.Singleton(new SupervisionThresholds(options.DueSoonDays)));

        var bulletins = builder.Configuration.GetSection(BulletinFileOptions.Section).Get<BulletinFileOptions>() ?? new BulletinFileOptions();
        if (BulletinNumbering.Problem(bulletins.NumberPattern) is { } problem) throw new InvalidOperationException(problem);
        builder.Services.Replace(ServiceDescriptor.Singleton(new BulletinNumbering(bulletins.NumberPattern)));
        builder.Services.AddSingleton(new BulletinFiles(bulletins));
        builder.Services.AddScoped<BulletinJobs>();
    }

    /// <summary>Configuration shape of <see cref="SupervisionThresholds"/>.</summary>
    public sealed class CockpitOptions
    {
        public int DueSoonDays { get; set; } = SupervisionThresholds.Default.DueSoonDays;
    }
}
