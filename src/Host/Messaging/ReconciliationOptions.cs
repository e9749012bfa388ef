namespace Shizhu.Host.Messaging;

/// <summary>
/// <c>Bus:Reconciliation</c>: how the Host finds published events that a consumer never processed (a message
/// dead-lettered after a long database outage) and publishes them again (ADR 0023).
/// </summary>
public sealed class ReconciliationOptions
{
    public const string Section = "Bus:Reconciliation";

    /// <summary>How often a pass runs; zero turns reconciliation off.</summary>
    public TimeSpan Interval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>An event published less than this long ago is still in flight and left alone.</summary>
    public TimeSpan After { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>How far back a pass looks for published events.</summary>
    public TimeSpan Lookback { get; set; } = TimeSpan.FromDays(7);
}
