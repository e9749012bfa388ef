using System.Text.Json.Nodes;

namespace Shizhu.Host.Tests.Infrastructure;

/// <summary>
/// A township of the test's own with a staff and a leader account, and a municipal workflow started for it
/// in the year after the simulated clock's current year; the clock is then moved to 2 January of that year,
/// so the workflow's timer start has fired and its first deadlines lie ahead.
/// </summary>
public sealed class Scenario
{
    public required string TownshipCode { get; init; }
    public required string StaffUser { get; init; }
    public required string LeaderUser { get; init; }
    public required string WorkflowId { get; init; }
    public required int Year { get; init; }

    public static async Task<Scenario> StartAsync(HostFixture fixture)
    {
        using var admin = await fixture.LoginAsAdminAsync();
        var code = await FreeTownshipAsync(fixture, admin);
        var suffix = Guid.NewGuid().ToString("N")[..6];
        var staff = $"staff-{suffix}";
        var leader = $"leader-{suffix}";
        await fixture.CreateUserAsync(staff, "township-staff", code);
        await fixture.CreateUserAsync(leader, "township-leader", code);

        var now = DateTimeOffset.Parse((await admin.GetJsonAsync("/api/clock")).Str("now"), System.Globalization.CultureInfo.InvariantCulture);
        var year = now.ToOffset(TimeSpan.FromHours(8)).Year + 1;
        var workflow = await admin.PostJsonAsync("/api/workflows", new { townshipCode = code, track = "municipal", startYear = year });
        await admin.PostJsonAsync("/api/admin/clock", new { to = $"{year}-01-02T09:00:00+08:00" });
        return new Scenario { TownshipCode = code, StaffUser = staff, LeaderUser = leader, WorkflowId = workflow.Str("id"), Year = year };
    }

    /// <summary>
    /// The next township with no live (running or suspended) workflow: once the round-robin wraps around, a
    /// township another test left busy is skipped, so the scenario's inbox holds its own workflow's tasks only.
    /// </summary>
    internal static async Task<string> FreeTownshipAsync(HostFixture fixture, HttpClient admin)
    {
        for (var attempt = 0; ; attempt++)
        {
            var code = fixture.NextTownshipCode();
            var live = (await admin.GetJsonAsync($"/api/workflows?townshipCode={code}")).Items()
                .Any(w => w.Str("status") is "running" or "suspended");
            if (!live) return code;
            if (attempt >= 42) throw new InvalidOperationException("Every test township has a live workflow: cancel the workflows your tests start.");
        }
    }

    public async Task<JsonNode> WorkflowAsync(HttpClient client) => await client.GetJsonAsync($"/api/workflows/{WorkflowId}");
}
