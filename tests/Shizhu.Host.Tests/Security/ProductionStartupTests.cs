using System.Diagnostics;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Shizhu.Host.Tests.Security;

/// <summary>
/// Issue 10, item 3: the built Host, started in Production in a process of its own with a clean environment, refuses
/// to start on each known or weak secret, demo setting or missing setting, and names the setting.
/// </summary>
[Trait("Category", "Unit")]
public sealed class ProductionStartupTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("shizhu-prod-").FullName;
    private readonly string _certificate;
    private const string CertificatePassword = "cert-Pa55word";

    public ProductionStartupTests()
    {
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest("CN=shizhu-data-protection", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
        _certificate = Path.Combine(_folder, "dp.pfx");
        File.WriteAllBytes(_certificate, certificate.Export(X509ContentType.Pfx, CertificatePassword));
    }

    private Dictionary<string, string?> GoodSettings() => new()
    {
        ["Database__ConnectionString"] = "Host=127.0.0.1;Port=1;Database=shizhu;Username=shizhu;Password=x;Timeout=1",
        ["Bus__RabbitMqUri"] = "amqp://shizhu:x@127.0.0.1:1/",
        ["Auth__SigningKey"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(48)),
        ["Seed__AdminPassword"] = "Real#Secret-" + Guid.NewGuid().ToString("N")[..8],
        ["DataProtection__CertificatePath"] = _certificate,
        ["DataProtection__CertificatePassword"] = CertificatePassword,
    };

    [Theory]
    [InlineData("Auth__SigningKey", "embedded-demo-signing-key-not-for-production-use-0123456789", "Auth:SigningKey")]
    [InlineData("Auth__SigningKey", "short-key", "Auth:SigningKey")]
    [InlineData("Auth__SigningKey", "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", "Auth:SigningKey")]
    [InlineData("Auth__SigningKey", "abcabcabcabcabcabcabcabcabcabcabcabcabcabc", "Auth:SigningKey")]
    [InlineData("Auth__SigningKey", null, "Auth:SigningKey")]
    [InlineData("Seed__DemoUsers", "true", "Seed:DemoUsers")]
    [InlineData("Seed__AdminPassword", "Shizhu@2022", "Seed:AdminPassword")]
    [InlineData("DataProtection__CertificatePath", null, "DataProtection:CertificatePath")]
    [InlineData("DataProtection__CertificatePath", "/nowhere/dp.pfx", "DataProtection:CertificatePath")]
    [InlineData("DataProtection__CertificatePassword", "wrong", "DataProtection:CertificatePassword")]
    [InlineData("Database__ConnectionString", null, "Database:ConnectionString")]
    [InlineData("Database__ConnectionString", "", "Database:ConnectionString")]
    public async Task ProductionRefusesToStartAndNamesTheSetting(string variable, string? value, string named)
    {
        var settings = GoodSettings();
        settings[variable] = value;

        var (exitCode, output) = await RunHostAsync(settings);

        Assert.True(exitCode == 1, $"exit code {exitCode}: {output}");
        Assert.Contains("refuses to start", output);
        Assert.Contains(named, output);
    }

    [Fact]
    public async Task ProductionWithGoodSettingsGetsPastTheChecks()
    {
        var (_, output) = await RunHostAsync(GoodSettings());
        // It then fails to reach the (absent) database, which is not what this test is about.
        Assert.DoesNotContain("refuses to start", output);
    }

    private static async Task<(int ExitCode, string Output)> RunHostAsync(Dictionary<string, string?> settings)
    {
        var hostDll = typeof(Program).Assembly.Location;
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(hostDll);
        start.WorkingDirectory = HostProjectFolder();
        // A clean environment: nothing the shared test host set for this process leaks into the child.
        foreach (var key in start.Environment.Keys.ToList())
            if (key.Contains("__", StringComparison.Ordinal) || key.StartsWith("ASPNETCORE_", StringComparison.Ordinal) || key.StartsWith("DOTNET_ENVIRONMENT", StringComparison.Ordinal))
                start.Environment.Remove(key);
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["ASPNETCORE_CONTENTROOT"] = HostProjectFolder();
        start.Environment["ASPNETCORE_URLS"] = "http://127.0.0.1:0";
        foreach (var (key, value) in settings)
            if (value is not null) start.Environment[key] = value;

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
        return (process.ExitCode, await stdout + await stderr);
    }

    private static string HostProjectFolder()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "Shizhu.Workflows.sln"))) folder = folder.Parent;
        return Path.Combine(folder?.FullName ?? throw new InvalidOperationException("Shizhu.Workflows.sln not found above the test folder."), "src", "Host");
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
