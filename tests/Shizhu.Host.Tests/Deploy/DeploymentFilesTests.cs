using System.Text.RegularExpressions;
using System.Xml.Linq;
using Shizhu.Host.Bulletins;
using Shizhu.Host.Tests.Infrastructure;

namespace Shizhu.Host.Tests.Deploy;

/// <summary>
/// The image's recipe read against the projects it builds (ADR 0046): CI has no Docker engine, so what a build would
/// find out — a project not copied before the restore, an image of another .NET, a port or font that does not match
/// the Host's settings — is checked here from the files; <c>tests/scripts/check-docker.sh</c> builds it where an engine runs.
/// </summary>
[Trait("Category", "Unit")]
public sealed partial class DeploymentFilesTests
{
    private static readonly string Root = HostProcess.RepositoryRoot();
    private static readonly string Dockerfile = File.ReadAllText(Path.Combine(Root, "deploy", "Dockerfile"));

    [Fact]
    public void EveryProjectTheHostReferencesIsCopiedBeforeTheRestore()
    {
        var restore = Dockerfile.IndexOf("RUN dotnet restore src/Host/Shizhu.Host.csproj", StringComparison.Ordinal);
        Assert.True(restore > 0, "the Dockerfile restores src/Host/Shizhu.Host.csproj");
        foreach (var project in ProjectsOf("src/Host/Shizhu.Host.csproj"))
        {
            var folder = Path.GetDirectoryName(project)!.Replace('\\', '/');
            var copy = Dockerfile.IndexOf($"COPY {project} {folder}/", StringComparison.Ordinal);
            Assert.True(copy > 0 && copy < restore, $"{project} is not copied before the restore");
        }
        foreach (var file in new[] { "global.json", "Directory.Build.props", "Directory.Packages.props" })
            Assert.Contains(file, Dockerfile.Split('\n').First(l => l.StartsWith("COPY global.json", StringComparison.Ordinal)));
    }

    [Fact]
    public void TheBuildAndRuntimeImagesAreOfTheDotNetTheProjectsTarget()
    {
        var target = XDocument.Load(Path.Combine(Root, "Directory.Build.props")).Descendants("TargetFramework").Single().Value;
        var version = target.Replace("net", "", StringComparison.Ordinal);
        Assert.Contains($"FROM mcr.microsoft.com/dotnet/sdk:{version} AS build", Dockerfile);
        Assert.Contains($"FROM mcr.microsoft.com/dotnet/aspnet:{version} AS runtime", Dockerfile);
    }

    [Fact]
    public void ThePortTheHostListensOnIsTheOneExposedAndPublishedByCompose()
    {
        var port = HttpPort().Match(Dockerfile).Groups[1].Value;
        Assert.NotEmpty(port);
        Assert.Contains($"EXPOSE {port}", Dockerfile);
        var compose = File.ReadAllText(Path.Combine(Root, "docker-compose.yml"));
        Assert.Contains($":{port}\"", compose);
        Assert.Contains("dockerfile: deploy/Dockerfile", compose);
    }

    [Fact]
    public void TheRuntimeImageInstallsTheCjkFontTheBulletinPdfsUse()
    {
        var runtime = Dockerfile[Dockerfile.IndexOf("AS runtime", StringComparison.Ordinal)..];
        Assert.Contains("fonts-wqy-microhei", runtime);
        // The file the Debian and Ubuntu package installs is where the Host looks unless Bulletins:PdfFontPath says otherwise,
        // and the image does not say otherwise.
        Assert.Equal("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc", new BulletinFileOptions().PdfFontPath);
        Assert.DoesNotContain("Bulletins__PdfFontPath", Dockerfile);
        Assert.True(runtime.IndexOf("fonts-wqy-microhei", StringComparison.Ordinal) < runtime.IndexOf("USER app", StringComparison.Ordinal),
            "the font is installed before the image drops to the app user");
    }

    [Fact]
    public void LocalBuildOutputStaysOutOfTheBuildContext()
    {
        var ignored = File.ReadAllLines(Path.Combine(Root, ".dockerignore")).Select(l => l.Trim()).ToHashSet(StringComparer.Ordinal);
        Assert.Contains("**/bin/", ignored);
        Assert.Contains("**/obj/", ignored);
        Assert.Contains("Shizhu.Host.dll", Dockerfile.Split('\n').Single(l => l.StartsWith("ENTRYPOINT", StringComparison.Ordinal)));
    }

    /// <summary>The project and every project it references, transitively, as paths from the repository root.</summary>
    private static IReadOnlyCollection<string> ProjectsOf(string project)
    {
        var found = new SortedSet<string>(StringComparer.Ordinal);
        var pending = new Stack<string>([project]);
        while (pending.TryPop(out var next))
        {
            if (!found.Add(next)) continue;
            var folder = Path.GetDirectoryName(next)!;
            foreach (var reference in XDocument.Load(Path.Combine(Root, next)).Descendants("ProjectReference"))
            {
                var full = Path.GetFullPath(Path.Combine(Root, folder, reference.Attribute("Include")!.Value.Replace('\\', '/')));
                pending.Push(Path.GetRelativePath(Root, full).Replace('\\', '/'));
            }
        }
        return found;
    }

    [GeneratedRegex(@"ASPNETCORE_HTTP_PORTS=(\d+)")]
    private static partial Regex HttpPort();
}
