namespace Shizhu.Host.Configuration;

/// <summary>
/// <c>ForwardedHeaders</c>: the reverse proxies whose <c>X-Forwarded-For</c>/<c>-Proto</c>/<c>-Host</c> are believed.
/// Empty lists: only a proxy on loopback is believed (ASP.NET Core's default).
/// </summary>
public sealed class ForwardedHeadersSettings
{
    public const string Section = "ForwardedHeaders";
    /// <summary>IP addresses of the proxies, e.g. <c>10.0.0.5</c>.</summary>
    public List<string> KnownProxies { get; set; } = [];
    /// <summary>Networks of the proxies in CIDR notation, e.g. <c>172.18.0.0/16</c>.</summary>
    public List<string> KnownNetworks { get; set; } = [];
}
