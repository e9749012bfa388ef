namespace Shizhu.Host.Setup;

/// <summary><c>Startup</c>: how long start-up waits for PostgreSQL and the broker before it gives up.</summary>
public sealed class StartupOptions
{
    public const string Section = "Startup";

    /// <summary>A Host started before its database or broker retries for this long, then exits with the last error.</summary>
    public TimeSpan WaitForDependencies { get; set; } = TimeSpan.FromMinutes(2);
}
