namespace Shizhu.Host.Configuration;

/// <summary><c>Seed</c>: the administrator account and, in the embedded demo, the demo users.</summary>
public sealed class SeedOptions
{
    public const string Section = "Seed";
    public string AdminUser { get; set; } = "admin";
    /// <summary>No default: without a password no administrator is seeded (production sets it from a secret).</summary>
    public string? AdminPassword { get; set; }
    /// <summary>Seed one staff and one leader account per plan township, plus a county leader and a template admin.</summary>
    public bool DemoUsers { get; set; }
    public string? DemoPassword { get; set; }
}
