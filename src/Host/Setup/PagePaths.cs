namespace Shizhu.Host.Setup;

/// <summary>
/// Which requests a person reads in a browser (pages) rather than a program (the API, health, the Hangfire dashboard,
/// Blazor's own files): an unknown page gets the Chinese 404 page, an unknown API path its problem document.
/// </summary>
public static class PagePaths
{
    private static readonly string[] NotPages = ["/api", "/health", "/hangfire", "/_framework", "/_content", "/_blazor", "/account"];

    public static bool IsPage(PathString path) => !NotPages.Any(p => path.StartsWithSegments(p, StringComparison.OrdinalIgnoreCase));
}
