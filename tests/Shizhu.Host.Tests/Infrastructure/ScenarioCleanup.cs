using System.Net.Http.Json;

namespace Shizhu.Host.Tests.Infrastructure;

/// <summary>
/// Gives a scenario's township back: <see cref="HostFixture.NextTownshipCode"/> hands townships out round-robin and
/// a township holds one live municipal workflow, so tests that start many cancel theirs when done.
/// </summary>
public static class ScenarioCleanup
{
    public static async Task CancelAsync(this Scenario scenario, HostFixture fixture)
    {
        using var admin = await fixture.LoginAsAdminAsync();
        // 200, or 409 when the test itself already ended the workflow.
        using var response = await admin.PostAsJsonAsync($"/api/workflows/{scenario.WorkflowId}/cancel", new { reason = "测试结束" });
        Assert.True(response.IsSuccessStatusCode || response.StatusCode == System.Net.HttpStatusCode.Conflict,
            $"Cancelling {scenario.WorkflowId} answered {(int)response.StatusCode}");
    }
}
