using Microsoft.Extensions.Options;

namespace Shizhu.Host.Setup;

public static class StartupChecks
{
    /// <summary>
    /// Runs the settings validation (<c>ValidateOnStart</c>) before anything touches the database or the broker, so a
    /// weak secret, a demo setting in production or a missing connection string stops the Host with the setting named
    /// (exit code 1) instead of a driver's error later (ADR 0022).
    /// </summary>
    public static bool SettingsAreValid(WebApplication app)
    {
        try
        {
            app.Services.GetService<IStartupValidator>()?.Validate();
            return true;
        }
        catch (OptionsValidationException ex)
        {
            app.Logger.LogCritical("The Host refuses to start: {Failures}", string.Join(" | ", ex.Failures));
            Console.Error.WriteLine("The Host refuses to start:" + string.Concat(ex.Failures.Select(f => Environment.NewLine + "  - " + f)));
            return false;
        }
    }
}
