using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Shizhu.Host.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Shizhu.Host.Tests.Security;

/// <summary>
/// Issue 10, item 2: every POST and PUT endpoint — read from the Host's endpoint data source, so a new one is covered
/// without touching this test — takes random and mutated bodies as an administrator and as township staff, and
/// never answers 5xx; when it refuses (4xx) the workflow, its tasks and its journal are as they were.
/// </summary>
[Trait("Category", "Postgres")]
[Trait("Category", "Broker")]
public sealed partial class EndpointFuzzTests(HostFixture fixture, ITestOutputHelper output) : IClassFixture<HostFixture>
{
    /// <summary>Requests per endpoint and user: bounded so the whole run stays well under a minute in CI.</summary>
    private const int RequestsPerEndpoint = 8;

    [Fact]
    public async Task RandomBodiesOnEveryPostAndPutEndpointNeverAnswerServerErrorsAndRefusalsChangeNothing()
    {
        var scenario = await Scenario.StartAsync(fixture);
        using var admin = await fixture.LoginAsAdminAsync();
        using var staff = await fixture.LoginAsync(scenario.StaffUser, HostFixture.UserPassword);
        var taskId = (await staff.GetJsonAsync("/api/inbox")).Items().First(i => i.Str("workflowId") == scenario.WorkflowId).Str("id");
        var routes = Routes();
        Assert.Contains("POST api/tasks/{id:guid}/evidence/", routes);
        Assert.Contains("PUT api/calendar/{year:int}", routes);
        var bodies = new RandomBodies(seed: 20221104);
        var random = new Random(7);
        var failures = new List<string>();
        var requests = 0;
        try
        {
            var before = await SnapshotAsync(admin, scenario.WorkflowId);
            foreach (var route in routes)
            {
                foreach (var client in new[] { admin, staff })
                {
                    for (var i = 0; i < RequestsPerEndpoint; i++)
                    {
                        var (method, url) = Concrete(route, scenario.WorkflowId, taskId, random);
                        using var request = new HttpRequestMessage(new HttpMethod(method), url) { Content = bodies.Next() };
                        if (random.Next(2) == 0) request.Headers.Add("Idempotency-Key", $"fuzz-{Guid.NewGuid():N}");
                        using var response = await client.SendAsync(request);
                        requests++;
                        var status = (int)response.StatusCode;
                        if (status >= 500) failures.Add($"{method} {url} answered {status}: {await response.Content.ReadAsStringAsync()}");
                        var after = await SnapshotAsync(admin, scenario.WorkflowId);
                        if (status is >= 400 and < 500 && after != before) failures.Add($"{method} {url} answered {status} but changed the workflow");
                        before = after;
                    }
                }
            }
        }
        finally
        {
            await scenario.CancelAsync(fixture);
        }
        output.WriteLine($"{routes.Count} endpoints, {requests} requests");
        Assert.True(failures.Count == 0, string.Join("\n", failures.Take(20)));
    }

    /// <summary>Every POST and PUT route of the Host but the Blazor circuit's own, as "METHOD pattern".</summary>
    private List<string> Routes() =>
    [
        .. fixture.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText is { } raw && !raw.TrimStart('/').StartsWith("_blazor", StringComparison.Ordinal))
            .SelectMany(e => (e.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.HttpMethodMetadata>()?.HttpMethods ?? [])
                .Where(m => m is "POST" or "PUT").Select(m => $"{m} {e.RoutePattern.RawText!.TrimStart('/')}"))
            .Distinct().Order(StringComparer.Ordinal),
    ];

    /// <summary>The route with its parameters filled: the scenario's own ids (so handlers reach deep), or edge values.</summary>
    private static (string Method, string Url) Concrete(string route, string workflowId, string taskId, Random random)
    {
        var (method, pattern) = (route[..route.IndexOf(' ', StringComparison.Ordinal)], route[(route.IndexOf(' ', StringComparison.Ordinal) + 1)..]);
        var url = Parameter().Replace(pattern, match => match.Groups["name"].Value switch
        {
            "id" when pattern.StartsWith("api/tasks", StringComparison.Ordinal) => taskId,
            "id" when pattern.StartsWith("api/workflows", StringComparison.Ordinal) => workflowId,
            "key" => random.Next(2) == 0 ? "municipal" : "no-such-template",
            "year" or "version" => new[] { "0", "-1", "2099", "10000", "2147483647", "1" }[random.Next(6)],
            _ when match.Groups["constraint"].Value.Contains("guid", StringComparison.Ordinal) => Guid.NewGuid().ToString(),
            _ => "x",
        });
        return (method, "/" + url);
    }

    private static async Task<string> SnapshotAsync(HttpClient admin, string workflowId)
    {
        var workflow = await admin.GetJsonAsync($"/api/workflows/{workflowId}");
        var journal = (await admin.GetJsonAsync($"/api/workflows/{workflowId}/journal?limit=200")).Items().Count();
        var tasks = string.Join(",", workflow["tasks"]!.Items().Select(t => $"{t.Str("id")}:{t.Str("status")}:{t["assignee"]}"));
        return $"{workflow.Str("status")}|{journal}|{tasks}";
    }

    [GeneratedRegex(@"\{(?<name>\w+)(?<constraint>(:[^}]+)?)\}")]
    private static partial Regex Parameter();
}
