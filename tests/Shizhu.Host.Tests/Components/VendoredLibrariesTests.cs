using System.Text.Json;
using System.Text.RegularExpressions;

namespace Shizhu.Host.Tests.Components;

/// <summary>
/// The browser libraries committed under <c>src/Host/wwwroot/lib</c> are the versions <c>src/Host/ClientLibs/package-lock.json</c>
/// pins (copied by <c>vendor.sh</c>, ADRs 0039 and 0044): a lock changed without running the script, or a hand-edited copy, fails here.
/// </summary>
[Trait("Category", "Unit")]
public sealed partial class VendoredLibrariesTests
{
    [Fact]
    public void TheCommittedBpmnJsIsTheVersionTheLockPinsWithItsLicence()
    {
        var host = HostFolder();
        var locked = LockedVersion(host, "bpmn-js");
        var lib = Path.Combine(host, "wwwroot", "lib", "bpmn-js");

        Assert.Equal(locked, File.ReadAllText(Path.Combine(lib, "VERSION")).Trim());
        // The distribution's own banner names its version: the file is the one npm shipped for it.
        using var script = new StreamReader(Path.Combine(lib, "bpmn-navigated-viewer.production.min.js"));
        Assert.StartsWith($"/*! bpmn-js - bpmn-navigated-viewer v{locked} ", script.ReadLine(), StringComparison.Ordinal);
        Assert.Contains("bpmn.io", File.ReadAllText(Path.Combine(lib, "LICENSE")), StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(lib, "diagram-js.css")) && File.Exists(Path.Combine(lib, "bpmn-js.css")));
    }

    [Fact]
    public void TheCommittedEChartsIsTheLockedVersionWithItsLicence()
    {
        var host = HostFolder();
        var locked = LockedVersion(host, "echarts");
        var dist = File.ReadAllText(Path.Combine(host, "wwwroot", "lib", "echarts", "echarts.min.js"));

        Assert.Equal(locked, EChartsVersion().Match(dist).Groups[1].Value);
        Assert.StartsWith("5.", locked, StringComparison.Ordinal);
        Assert.Contains("Apache License", File.ReadAllText(Path.Combine(host, "wwwroot", "lib", "echarts", "LICENSE")), StringComparison.Ordinal);
    }

    // The minified bundle assigns its own version once: t.version="5.6.0".
    [GeneratedRegex("""\.version="(\d+\.\d+\.\d+)",\w+\.zrUtil""")]
    private static partial Regex EChartsVersion();

    private static string LockedVersion(string host, string package)
    {
        using var lockFile = JsonDocument.Parse(File.ReadAllText(Path.Combine(host, "ClientLibs", "package-lock.json")));
        return lockFile.RootElement.GetProperty("packages").GetProperty($"node_modules/{package}").GetProperty("version").GetString()!;
    }

    private static string HostFolder()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "Shizhu.Workflows.sln"))) folder = folder.Parent;
        return Path.Combine(folder?.FullName ?? throw new InvalidOperationException("Shizhu.Workflows.sln not found above the test folder."), "src", "Host");
    }
}
