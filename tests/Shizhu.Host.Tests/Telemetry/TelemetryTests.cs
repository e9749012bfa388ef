using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using Shizhu.Host.Tests.Infrastructure;

namespace Shizhu.Host.Tests.Telemetry;

/// <summary>A Host with a Prometheus scrape token (ADR 0043).</summary>
public sealed class MetricsHostFixture : HostFixture
{
    public const string ScrapeToken = "scrape-token-for-the-metrics-tests-0123456789";

    protected override Task<IReadOnlyDictionary<string, string?>> StartOwnServicesAsync() =>
        Task.FromResult<IReadOnlyDictionary<string, string?>>(new Dictionary<string, string?> { ["Telemetry:MetricsScrapeToken"] = ScrapeToken });
}

[Trait("Category", "Postgres")]
[Trait("Category", "Broker")]
public sealed class TelemetryTests(MetricsHostFixture fixture) : IClassFixture<MetricsHostFixture>
{
    private async Task<(HttpStatusCode Status, string Body)> ScrapeAsync(string? token)
    {
        using var client = fixture.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/metrics");
        if (token is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await client.SendAsync(request);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task MetricsAreRefusedWithoutTheScrapeTokenAndToASignedInUser()
    {
        Assert.Equal(HttpStatusCode.Unauthorized, (await ScrapeAsync(null)).Status);
        Assert.Equal(HttpStatusCode.Unauthorized, (await ScrapeAsync("wrong-token")).Status);

        using var admin = await fixture.LoginAsAdminAsync();
        using var response = await admin.GetAsync("/metrics");
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task AfterACompletionAndATimerTheScrapeShowsCommandsLatencyTimersBacklogsAndNotifications()
    {
        var scenario = await Scenario.StartAsync(fixture);
        using var staff = await fixture.LoginAsync(scenario.StaffUser, HostFixture.UserPassword);
        var task = (await staff.GetJsonAsync("/api/inbox")).Items().First(i => i.Str("workflowId") == scenario.WorkflowId);
        await staff.CompleteWithEvidenceAsync(task.Str("id"), new { });
        using (var admin = await fixture.LoginAsAdminAsync())
            await admin.PostJsonAsync("/api/admin/clock", new { to = $"{scenario.Year}-02-01T09:00:00+08:00" });

        var body = await Eventually.UntilAsync(async () => (await ScrapeAsync(MetricsHostFixture.ScrapeToken)).Body,
            text => text.Contains("shizhu_notifications_events_total", StringComparison.Ordinal), "the notification counter on /metrics");

        Assert.Matches("""shizhu_engine_commands_total\{[^}]*command="complete-task"[^}]*outcome="ok"[^}]*\} [1-9]""", body);
        Assert.Matches("""shizhu_engine_command_duration_seconds_bucket\{[^}]*command="complete-task"[^}]*\}""", body);
        Assert.Matches("""shizhu_timers_fired_total(\{[^}]*\})? [1-9]""", body);
        Assert.Matches("""shizhu_outbox_backlog(\{[^}]*\})? \d""", body);
        Assert.Matches("""shizhu_timers_due(\{[^}]*\})? \d""", body);
        Assert.Matches("""shizhu_notifications_events_total\{[^}]*channel="in-app"[^}]*\} [1-9]""", body);
    }

    [Fact]
    public async Task TheTraceOfARequestReachesTheConsumersOfTheEventsItRaised()
    {
        var traceId = ActivityTraceId.CreateRandom();
        var consumed = new ConcurrentBag<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == "MassTransit",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = a => { if (a.Kind == ActivityKind.Consumer && a.TraceId == traceId) consumed.Add(a); },
        };
        ActivitySource.AddActivityListener(listener);

        var scenario = await Scenario.StartAsync(fixture);
        using var staff = await fixture.LoginAsync(scenario.StaffUser, HostFixture.UserPassword);
        var task = (await staff.GetJsonAsync("/api/inbox")).Items().First(i => i.Str("workflowId") == scenario.WorkflowId);
        // The caller's trace (as a proxy or browser instrumentation would send it) on the completion's requests.
        staff.DefaultRequestHeaders.Add("traceparent", $"00-{traceId}-{ActivitySpanId.CreateRandom()}-01");
        await staff.CompleteWithEvidenceAsync(task.Str("id"), new { });

        await Eventually.UntilAsync(() => Task.FromResult(consumed.Count), count => count >= 2,
            "the in-app and e-mail consumers to run in the request's trace");
        Assert.All(consumed, a => Assert.Equal(traceId, a.TraceId));
    }
}
