using System.Net;
using System.Net.Http.Json;
using Shizhu.Host.Tests.Infrastructure;
using Shizhu.Workflows.ReferenceData;

namespace Shizhu.Host.Tests.Api;

/// <summary>
/// The seeded plan's twelve townships, which no other test uses (<see cref="HostFixture.NextTownshipCode"/> hands
/// out others). Their workflows are cancelled at the end so their deadlines stay out of other tests' clock moves.
/// </summary>
[Trait("Category", "Postgres")]
[Trait("Category", "Broker")]
public sealed class PlanImportApiTests(HostFixture fixture) : IClassFixture<HostFixture>
{
    [Fact]
    public async Task ImportingTheWholePlanStartsItInOneCallAndTheSecondCallAnswersExisting()
    {
        using var admin = await fixture.LoginAsAdminAsync();
        var codes = (await admin.GetJsonAsync("/api/townships")).Items().ToDictionary(t => t.Str("name"), t => t.Str("code"));
        var entries = ReferenceDataSeeder.Plan
            .Select(p => new { townshipCode = codes[p.Township], track = p.Track, startYear = p.StartYear, targetYear = p.TargetYear }).ToList();
        var workflowIds = new List<string>();
        try
        {
            var first = await admin.PostJsonAsync("/api/plans/import", new { entries });
            var firstEntries = first["entries"]!.Items().ToList();
            workflowIds.AddRange(firstEntries.Select(e => e.Str("workflowId")));
            Assert.Equal((12, 0, 0), (first["started"]!.GetValue<int>(), first["existing"]!.GetValue<int>(), first["invalid"]!.GetValue<int>()));
            Assert.All(firstEntries, e => Assert.Equal("started", e.Str("status")));

            var second = await admin.PostJsonAsync("/api/plans/import",
                new { entries = entries.Cast<object>().Append(new { townshipCode = codes["石家乡"], track = "provincial", startYear = 2022 }) });

            var secondEntries = second["entries"]!.Items().ToList();
            Assert.Equal(["existing"], secondEntries.Take(12).Select(e => e.Str("status")).Distinct());
            Assert.Equal(workflowIds, secondEntries.Take(12).Select(e => e.Str("workflowId")));
            Assert.Equal(("invalid", "entries[12].track"), (secondEntries[12].Str("status"), secondEntries[12].Str("field")));
            Assert.False(string.IsNullOrEmpty(secondEntries[12].Str("problem")));
            Assert.Null(secondEntries[12]["workflowId"]);
        }
        finally
        {
            foreach (var id in workflowIds)
            {
                using var cancelled = await admin.PostAsJsonAsync($"/api/workflows/{id}/cancel", new { reason = "测试结束" });
            }
        }
    }

    [Fact]
    public async Task OnlyTheCountyOfficeImportsAndAnEmptyPlanNamesTheEntriesField()
    {
        var scenarioLess = $"staff-{Guid.NewGuid():N}"[..14];
        await fixture.CreateUserAsync(scenarioLess, "township-staff", "500240213");
        using var staff = await fixture.LoginAsync(scenarioLess, HostFixture.UserPassword);
        using var admin = await fixture.LoginAsAdminAsync();

        using var forbidden = await staff.PostAsJsonAsync("/api/plans/import", new { entries = Array.Empty<object>() });
        using var empty = await admin.PostAsJsonAsync("/api/plans/import", new { entries = Array.Empty<object>() });

        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        Assert.NotNull((await empty.ReadJsonAsync())["errors"]!["entries"]);
    }
}
