using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.Options;
using Npgsql;
using Shizhu.Workflows.Persistence;

namespace Shizhu.Host.Configuration;

/// <summary>
/// The settings the Host refuses to start without (ADR 0022). Run by <c>ValidateOnStart</c> before the database is
/// touched, so a bad or missing setting is named with its environment variable instead of failing somewhere deeper.
/// Production adds the rules that keep a public demo setting out of a real deployment.
/// </summary>
public sealed class StartupSettingsValidator(IHostEnvironment environment) :
    IValidateOptions<AuthOptions>, IValidateOptions<SeedOptions>, IValidateOptions<KeyProtectionOptions>, IValidateOptions<DatabaseOptions>
{
    /// <summary>Passwords printed in the README and the development settings.</summary>
    private static readonly string[] DemoPasswords = ["Shizhu@2022", "Demo@2022", "Demo@20220104"];

    private bool Production => environment.IsProduction();

    public ValidateOptionsResult Validate(string? name, AuthOptions options)
    {
        if (SigningKeyStrength.Weakness(options.SigningKey) is { } weakness)
            return Fail($"Auth:SigningKey (environment variable Auth__SigningKey) {weakness}. Generate one with `openssl rand -base64 48`.");
        if (Production && options.SigningKey == SigningKeyStrength.DevelopmentKey)
            return Fail("Auth:SigningKey (environment variable Auth__SigningKey) is the public development key; production needs a secret of its own.");
        return ValidateOptionsResult.Success;
    }

    public ValidateOptionsResult Validate(string? name, SeedOptions options)
    {
        if (!Production) return ValidateOptionsResult.Success;
        var failures = new List<string>();
        if (options.DemoUsers)
            failures.Add("Seed:DemoUsers (environment variable Seed__DemoUsers) must be false in production: the demo accounts' password is public.");
        if (options.AdminPassword is { } admin && DemoPasswords.Contains(admin, StringComparer.Ordinal))
            failures.Add("Seed:AdminPassword (environment variable Seed__AdminPassword) is a public demo password; production needs a secret of its own.");
        if (options.DemoUsers && options.DemoPassword is { } demo && DemoPasswords.Contains(demo, StringComparer.Ordinal))
            failures.Add("Seed:DemoPassword (environment variable Seed__DemoPassword) is the public demo password.");
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    public ValidateOptionsResult Validate(string? name, KeyProtectionOptions options)
    {
        if (string.IsNullOrEmpty(options.CertificatePath))
            return Production
                ? Fail("DataProtection:CertificatePath (environment variable DataProtection__CertificatePath) is required in production: " +
                       "the data-protection keys that sign cookies are stored in the database and must be encrypted with an X.509 certificate (PKCS#12 file).")
                : ValidateOptionsResult.Success;
        if (!File.Exists(options.CertificatePath))
            return Fail($"DataProtection:CertificatePath (environment variable DataProtection__CertificatePath) names {options.CertificatePath}, which does not exist.");
        try
        {
            using var certificate = KeyProtectionCertificate.Load(options);
            return certificate.HasPrivateKey
                ? ValidateOptionsResult.Success
                : Fail("DataProtection:CertificatePath (environment variable DataProtection__CertificatePath) names a certificate without its private key; keys could be encrypted but never read back.");
        }
        catch (CryptographicException ex)
        {
            return Fail($"DataProtection:CertificatePath / DataProtection:CertificatePassword (environment variables DataProtection__CertificatePath, DataProtection__CertificatePassword): the certificate cannot be opened ({ex.Message}).");
        }
    }

    public ValidateOptionsResult Validate(string? name, DatabaseOptions options)
    {
        if (options.Provider != DatabaseProvider.Postgres) return ValidateOptionsResult.Success;
        const string Setting = "Database:ConnectionString (environment variable Database__ConnectionString)";
        if (string.IsNullOrWhiteSpace(options.ConnectionString))
            return Fail($"{Setting} is required for PostgreSQL, e.g. Host=db;Database=shizhu;Username=shizhu;Password=….");
        try
        {
            var builder = new NpgsqlConnectionStringBuilder(options.ConnectionString);
            return string.IsNullOrEmpty(builder.Host)
                ? Fail($"{Setting} names no Host; PostgreSQL needs Host=…;Database=…;Username=…;Password=….")
                : ValidateOptionsResult.Success;
        }
        catch (ArgumentException)
        {
            // The message would quote the value, password and all; name the setting only.
            return Fail($"{Setting} is not a PostgreSQL connection string (Host=…;Database=…;Username=…;Password=…).");
        }
    }

    private static ValidateOptionsResult Fail(string message) => ValidateOptionsResult.Fail(message);
}
