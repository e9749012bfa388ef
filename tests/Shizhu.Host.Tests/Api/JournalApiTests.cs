using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Shizhu.Host.Tests.Infrastructure;
using Shizhu.Workflows.Persistence;

namespace Shizhu.Host.Tests.Api;

/// <summary>The structured journal over HTTP and in PostgreSQL: before and after as JSON objects, rows never rewritten.</summary>
[Trait("Category", "Postgres")]
[Trait("Category", "Broker")]
public sealed class JournalApiTests(HostFixture fixture) : IClassFixture<HostFixture>
{
    [Fact]
    public async Task TheJournalAnswersEachRowsStateBeforeAndAfterAsJsonObjects()
    {
        var scenario = await Scenario.StartAsync(fixture);
        using var staff = await fixture.LoginAsync(scenario.StaffUser, HostFixture.UserPassword);
        var task = (await staff.GetJsonAsync("/api/inbox")).Items().First(i => i.Str("workflowId") == scenario.WorkflowId);
        await staff.CompleteWithEvidenceAsync(task.Str("id"), new { comment = "已组建" });

        var journal = (await staff.GetJsonAsync($"/api/workflows/{scenario.WorkflowId}/journal?limit=200")).Items().ToList();

        var completed = Assert.Single(journal, j => j.Str("kind") == "TaskCompleted");
        Assert.Equal(("open", "completed"), (completed["before"]!["task"]!.Str("status"), completed["after"]!["task"]!.Str("status")));
        Assert.Equal(scenario.StaffUser, completed["after"]!["task"]!.Str("completedBy"));
        Assert.Equal(task.Str("id"), completed["after"]!["task"]!.Str("id"));
        Assert.Contains("办结任务", completed.Str("detail"), StringComparison.Ordinal);
        var started = Assert.Single(journal, j => j.Str("kind") == "WorkflowStarted");
        Assert.Equal("running", started["after"]!["workflow"]!.Str("status"));
        Assert.Empty(started["before"]!.AsObject());
        await scenario.CancelAsync(fixture);
    }

    [Fact]
    public async Task TheOpenApiDocumentDescribesAJournalRowsBeforeAndAfter()
    {
        using var admin = await fixture.LoginAsAdminAsync();

        var document = await admin.GetJsonAsync("/openapi/v1.json");

        var journalView = document["components"]!["schemas"]!["JournalView"]!["properties"]!.AsObject();
        Assert.True(journalView.ContainsKey("before") && journalView.ContainsKey("after"));
    }

    [Fact]
    public async Task PostgreSqlRefusesToUpdateOrDeleteJournalRows()
    {
        var scenario = await Scenario.StartAsync(fixture);
        await using var scope = fixture.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<WorkflowDbContext>();
        var id = Guid.Parse(scenario.WorkflowId);
        var rows = await db.Journal.CountAsync(j => j.WorkflowId == id);

        var update = await Assert.ThrowsAsync<PostgresException>(() =>
            db.Database.ExecuteSqlAsync($"UPDATE workflows.journal SET detail = 'rewritten' WHERE workflow_id = {id}"));
        var delete = await Assert.ThrowsAsync<PostgresException>(() =>
            db.Database.ExecuteSqlAsync($"DELETE FROM workflows.journal WHERE workflow_id = {id}"));

        Assert.Contains("append-only", update.MessageText, StringComparison.Ordinal);
        Assert.Contains("append-only", delete.MessageText, StringComparison.Ordinal);
        Assert.Equal(rows, await db.Journal.CountAsync(j => j.WorkflowId == id && j.Detail != "rewritten"));
        await scenario.CancelAsync(fixture);
    }
}
