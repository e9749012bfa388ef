using System.Text.RegularExpressions;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Shizhu.Host.Tests.Infrastructure;

namespace Shizhu.Host.Tests.Security;

/// <summary>Issue 15, item 5: the Host reaches no outside host but the configured channels (a county network has no internet).</summary>
[Trait("Category", "Postgres")]
[Trait("Category", "Broker")]
public sealed partial class NoOutboundCallsTests(HostFixture fixture) : IClassFixture<HostFixture>
{
    [Fact]
    public void MassTransitsUsageTelemetryIsOffSoTheBusNeverCallsItsVendor()
    {
        var options = fixture.Services.GetRequiredService<IOptions<UsageTelemetryOptions>>().Value;

        Assert.False(options.Enabled);
    }

    [Fact]
    public async Task TheApiReferencePageLoadsItsScriptFromTheHostAndNoFontsOrTelemetryFromOutside()
    {
        using var session = await CookieSession.SignInAsync(fixture.BaseAddress, HostFixture.AdminUser, HostFixture.AdminPassword);

        var page = await session.Client.GetStringAsync("/api/reference/v1");

        var references = Reference().Matches(page).Select(m => m.Groups["url"].Value).ToList();
        Assert.NotEmpty(references);
        Assert.All(references, url => Assert.False(url.StartsWith("http", StringComparison.OrdinalIgnoreCase) || url.StartsWith("//"), url));
        Assert.DoesNotContain("fonts.scalar.com", page);
        Assert.DoesNotContain("cdn.jsdelivr.net", page);
        foreach (var script in references.Where(u => u.EndsWith(".js", StringComparison.Ordinal)))
        {
            using var response = await session.Client.GetAsync(new Uri(new Uri(fixture.BaseAddress, "/api/reference/v1"), script));
            Assert.True(response.IsSuccessStatusCode, $"{script}: {(int)response.StatusCode}");
        }
    }

    [GeneratedRegex("""(?:src|href)\s*=\s*["'](?<url>[^"']+)["']""")]
    private static partial Regex Reference();
}
