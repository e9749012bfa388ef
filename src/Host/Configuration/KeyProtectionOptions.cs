namespace Shizhu.Host.Configuration;

/// <summary>
/// <c>DataProtection</c>: the X.509 certificate (PKCS#12 file) that encrypts the data-protection keys stored in the
/// database. Those keys sign the sign-in cookie and antiforgery tokens; production refuses to start without it.
/// </summary>
public sealed class KeyProtectionOptions
{
    public const string Section = "DataProtection";
    public string? CertificatePath { get; set; }
    public string? CertificatePassword { get; set; }
}
