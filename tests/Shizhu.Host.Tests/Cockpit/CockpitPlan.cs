using System.Globalization;
using System.Net.Http.Json;
using Shizhu.Host.Tests.Infrastructure;
using Shizhu.Workflows.ReferenceData;

namespace Shizhu.Host.Tests.Cockpit;

/// <summary>The seeded plan started as a whole and the fixture's simulated clock moved into 2024, as the cockpit's tests need it.</summary>
internal static class CockpitPlan
{
    public static readonly DateTimeOffset In2024 = new(2024, 5, 20, 10, 0, 0, TimeSpan.FromHours(8));

    public static async Task StartAndMoveClockAsync(HostFixture fixture, DateTimeOffset to)
    {
        using var admin = await fixture.LoginAsAdminAsync();
        var codes = (await admin.GetJsonAsync("/api/townships")).Items().ToDictionary(t => t.Str("name"), t => t.Str("code"));
        var entries = ReferenceDataSeeder.Plan
            .Select(p => new { townshipCode = codes[p.Township], track = p.Track, startYear = p.StartYear, targetYear = p.TargetYear }).ToList();
        await admin.PostJsonAsync("/api/plans/import", new { entries });
        // Several tests of one class share the fixture's clock: it moves forward once.
        if (DateTimeOffset.Parse((await admin.GetJsonAsync("/api/clock")).Str("now"), CultureInfo.InvariantCulture) >= to) return;
        using var clock = await admin.PostAsJsonAsync("/api/admin/clock", new { to });
        clock.EnsureSuccessStatusCode();
    }
}
