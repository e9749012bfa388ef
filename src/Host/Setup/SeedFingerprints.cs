using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using Shizhu.Host.Configuration;
using Shizhu.Workflows.ReferenceData;

namespace Shizhu.Host.Setup;

/// <summary>
/// The fingerprints of what the start-up seeders would add (ADR 0052). A build's module version id changes with any
/// change to its code or embedded data — the builds are deterministic, so the same sources give the same id — and the
/// reference data, the built-in templates and the seeders' code are all inside the two assemblies named here. The
/// account settings that choose which accounts exist are added to the accounts' fingerprint; the passwords themselves
/// are not (an existing account is never changed), only whether one is set.
/// </summary>
public static class SeedFingerprints
{
    public static string ReferenceData() => Hash(Build(typeof(ReferenceDataSeeder).Assembly));

    public static string Accounts(SeedOptions seed) => Hash(
        Build(typeof(ReferenceDataSeeder).Assembly), Build(typeof(SeedFingerprints).Assembly),
        "admin:" + seed.AdminUser, "admin-password-set:" + !string.IsNullOrEmpty(seed.AdminPassword),
        "demo-users:" + seed.DemoUsers, "demo-password-set:" + !string.IsNullOrEmpty(seed.DemoPassword));

    private static string Build(Assembly assembly) => assembly.GetName().Name + ":" + assembly.ManifestModule.ModuleVersionId.ToString("N");

    private static string Hash(params string[] parts) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\n', parts))));
}
