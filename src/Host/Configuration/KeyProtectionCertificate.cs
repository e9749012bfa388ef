using System.Security.Cryptography.X509Certificates;

namespace Shizhu.Host.Configuration;

/// <summary>Opens the data-protection certificate named by <see cref="KeyProtectionOptions"/>.</summary>
public static class KeyProtectionCertificate
{
    public static X509Certificate2 Load(KeyProtectionOptions options) =>
        X509CertificateLoader.LoadPkcs12FromFile(options.CertificatePath!, options.CertificatePassword, X509KeyStorageFlags.EphemeralKeySet);
}
