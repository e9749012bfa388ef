using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Shizhu.Host.Tests.Components;

/// <summary>The browser libraries committed under wwwroot/lib are the versions src/Host/ClientLibs/package-lock.json pins.</summary>
[Trait("Category", "Unit")]
public sealed partial class VendoredLibrariesTests
{
    [Fact]
    public void TheCommittedEChartsIsTheLockedVersionWithItsLicence()
    {
        var host = HostFolder();
        var locked = JsonNode.Parse(File.ReadAllText(Path.Combine(host, "ClientLibs", "package-lock.json")))!["packages"]!["node_modules/echarts"]!["version"]!.GetValue<string>();
        var dist = File.ReadAllText(Path.Combine(host, "wwwroot", "lib", "echarts", "echarts.min.js"));

        Assert.Equal(locked, EChartsVersion().Match(dist).Groups[1].Value);
        Assert.StartsWith("5.", locked, StringComparison.Ordinal);
        Assert.Contains("Apache License", File.ReadAllText(Path.Combine(host, "wwwroot", "lib", "echarts", "LICENSE")), StringComparison.Ordinal);
    }

    // The minified bundle assigns its own version once: t.version="5.6.0".
    [GeneratedRegex("""\.version="(\d+\.\d+\.\d+)",\w+\.zrUtil""")]
    private static partial Regex EChartsVersion();

    private static string HostFolder()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "Shizhu.Workflows.sln"))) folder = folder.Parent;
        return Path.Combine(folder?.FullName ?? throw new InvalidOperationException("Shizhu.Workflows.sln not found above the test folder."), "src", "Host");
    }
}
