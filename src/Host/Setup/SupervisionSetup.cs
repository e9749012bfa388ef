using Shizhu.Workflows.Supervision;

namespace Shizhu.Host.Setup;

public static class SupervisionSetup
{
    /// <summary>Binds the <c>Supervision</c> section (urge gap, card thresholds; ADR 0037) before the engine registers its defaults.</summary>
    public static void AddSupervisionSettings(this IHostApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection(SupervisionOptions.Section).Get<SupervisionOptions>() ?? new SupervisionOptions();
        builder.Services.AddSingleton(options);
    }
}
