using System.Net;
using System.Net.Http.Json;
using Shizhu.Host.Tests.Infrastructure;

namespace Shizhu.Host.Tests.Api;

/// <summary>A comment of the longest allowed length (2,000 characters) completes the task and is kept whole (issue 12).</summary>
[Trait("Category", "Postgres")]
[Trait("Category", "Broker")]
public sealed class LongCommentApiTests(HostFixture fixture) : IClassFixture<HostFixture>
{
    [Fact]
    public async Task ACompletionWithA2000CharacterCommentSucceedsAndTheJournalLineQuotesItsStart()
    {
        var scenario = await Scenario.StartAsync(fixture);
        using var staff = await fixture.LoginAsync(scenario.StaffUser, HostFixture.UserPassword);
        try
        {
            var taskId = (await staff.GetJsonAsync("/api/inbox")).Items()
                .First(i => i.Str("workflowId") == scenario.WorkflowId && i.Str("title") == "制定创建工作实施方案").Str("id");
            await staff.UploadRequiredEvidenceAsync(taskId);
            var comment = string.Concat(Enumerable.Repeat("方案已经领导小组审议通过并印发。", 150))[..2000];

            using var response = await staff.PostAsJsonAsync($"/api/tasks/{taskId}/complete", new { comment });

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal(comment, (await staff.GetJsonAsync($"/api/tasks/{taskId}")).Str("comment"));
            var line = (await staff.GetJsonAsync($"/api/workflows/{scenario.WorkflowId}/journal")).Items()
                .Single(j => j.Str("kind") == "TaskCompleted").Str("detail");
            Assert.True(line.Length <= 2000, $"The journal line is {line.Length} characters.");
            Assert.EndsWith("…", line);
        }
        finally
        {
            await scenario.CancelAsync(fixture);
        }
    }
}
