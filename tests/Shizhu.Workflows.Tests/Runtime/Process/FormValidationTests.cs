using System.Text.Json;
using Shizhu.Workflows.Events;
using Shizhu.Workflows.Runtime;
using Shizhu.Workflows.Runtime.Model;
using Shizhu.Workflows.Runtime.Queries;
using Shizhu.Workflows.Tests.Infrastructure;

using Shizhu.Workflows.Tests.Infrastructure.Databases;
using Shizhu.Workflows.Runtime.Tasks;

namespace Shizhu.Workflows.Tests.Runtime.Process;

/// <summary><see cref="ProcessTemplates.Form"/>: a task whose typed form is checked before the task completes.</summary>
public abstract class FormValidationTests(EngineDatabase database) : IAsyncLifetime
{
    private EngineHarness _harness = null!;
    private WorkflowTask _report = null!;

    public async Task InitializeAsync()
    {
        _harness = await EngineHarness.CreateAsync(database);
        var workflow = await _harness.StartOnAsync(ProcessTemplates.Form());
        _report = await _harness.OpenTaskAsync(workflow.Id, "report");
    }

    public async Task DisposeAsync() => await _harness.DisposeAsync();

    private async Task<TaskView> SubmitAsync(string json)
    {
        using var data = JsonDocument.Parse(json);
        return await _harness.CompleteAsync(_report.Id, TestActors.CountyAdmin, new CompleteTask(null, data.RootElement, null));
    }

    [Theory]
    [InlineData("""{}""", "data.summary")]
    [InlineData("""{"summary":null}""", "data.summary")]
    [InlineData("""{"summary":"   "}""", "data.summary")]
    [InlineData("""{"summary":12}""", "data.summary")]
    [InlineData("""{"summary":"超过十个字的整改摘要内容"}""", "data.summary")]
    [InlineData("""{"summary":"已整改","findings":"3"}""", "data.findings")]
    [InlineData("""{"summary":"已整改","findings":-1}""", "data.findings")]
    [InlineData("""{"summary":"已整改","findings":101}""", "data.findings")]
    [InlineData("""{"summary":"已整改","grade":"D"}""", "data.grade")]
    [InlineData("""{"summary":"已整改","grade":"a"}""", "data.grade")]
    [InlineData("""{"summary":"已整改","inspectedOn":"2022/05/03"}""", "data.inspectedOn")]
    [InlineData("""{"summary":"已整改","inspectedOn":"2022-02-30"}""", "data.inspectedOn")]
    [InlineData("""{"summary":"已整改","archived":"yes"}""", "data.archived")]
    public async Task AnInvalidFieldIsRefusedNamingIt(string json, string field)
    {
        var refused = await Assert.ThrowsAsync<WorkflowException>(() => SubmitAsync(json));

        Assert.Equal((WorkflowErrorKind.Invalid, field), (refused.Kind, refused.Field));
        Assert.Equal(UserTaskStatus.Open, (await _harness.TaskAsync(_report.Id)).Status);
        Assert.Empty(await _harness.EventsAsync<TaskCompleted>());
    }

    [Theory]
    [InlineData("""{"summary":"已整改"}""")]
    [InlineData("""{"summary":"十个字的整改摘要内容","findings":0,"grade":"C","inspectedOn":"2022-05-03","archived":true}""")]
    [InlineData("""{"summary":"已整改","findings":100,"grade":"A","note":"表单外的字段照样保存"}""")]
    public async Task ValidDataCompletesTheTaskAndBecomesTheTasksVariables(string json)
    {
        await SubmitAsync(json);

        var stored = await _harness.TaskAsync(_report.Id);
        Assert.Equal(UserTaskStatus.Completed, stored.Status);
        using var expected = JsonDocument.Parse(json);
        using var data = JsonDocument.Parse(stored.Data!);
        Assert.Equal(expected.RootElement.GetProperty("summary").GetString(), data.RootElement.GetProperty("summary").GetString());
        var variables = (await _harness.VariablesAsync(stored.WorkflowId))["report"]!;
        Assert.Equal(expected.RootElement.GetProperty("summary").GetString(), (string?)variables["summary"]);
        Assert.Equal(TestActors.CountyAdmin.UserName, (string?)variables["completedBy"]);
    }
}

[Trait("Category", "Unit")]
public sealed class FormValidationTestsOnSqlite() : FormValidationTests(EngineDatabase.Sqlite);

[Trait("Category", "Postgres")]
public sealed class FormValidationTestsOnPostgres() : FormValidationTests(EngineDatabase.Postgres);
