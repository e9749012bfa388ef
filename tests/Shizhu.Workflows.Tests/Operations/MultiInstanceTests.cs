using System.Text.Json;
using System.Text.Json.Nodes;
using Shizhu.Workflows.Access;
using Shizhu.Workflows.Events;
using Shizhu.Workflows.Journal;
using Shizhu.Workflows.Runtime;
using Shizhu.Workflows.Runtime.InstanceMigration;
using Shizhu.Workflows.Runtime.Model;
using Shizhu.Workflows.Runtime.Queries;
using Shizhu.Workflows.Runtime.Tasks;
using Shizhu.Workflows.Templates;
using Shizhu.Workflows.Tests.InstanceMigration;
using Shizhu.Workflows.Tests.Infrastructure;
using Shizhu.Workflows.Tests.Infrastructure.Databases;

namespace Shizhu.Workflows.Tests.Operations;

/// <summary>
/// 会签 and 或签 (ADR 0045) on <see cref="MultiInstanceTemplates"/>: the county office prepares, three county departments
/// (县城市管理局, 县教委, 县交通局) sign, and the element completes when its condition holds.
/// </summary>
public abstract class MultiInstanceTests(EngineDatabase database) : IAsyncLifetime
{
    private EngineHarness _harness = null!;
    private WorkflowInstance _workflow = null!;

    public async Task InitializeAsync() => _harness = await EngineHarness.CreateAsync(database);

    public async Task DisposeAsync() => await _harness.DisposeAsync();

    private async Task StartAsync(string mode = "parallel", string completion = "all", int? atLeast = null)
    {
        _workflow = await _harness.StartOnAsync(MultiInstanceTemplates.With(mode, completion, atLeast));
        await _harness.CompleteAsync((await _harness.OpenTaskAsync(_workflow.Id, "prepare")).Id, TestActors.CountyAdmin);
    }

    private async Task<List<WorkflowTask>> SignaturesAsync(UserTaskStatus? status = UserTaskStatus.Open) =>
        [.. (await _harness.TasksAsync(_workflow.Id)).Where(t => t.ElementId == "sign" && (status is null || t.Status == status)).OrderBy(t => t.CreatedAt).ThenBy(t => MultiInstanceTemplates.Departments.ToList().IndexOf(t.InstanceKey!))];

    private async Task<WorkflowTask> SignatureOfAsync(string department) =>
        Assert.Single(await SignaturesAsync(), t => t.DepartmentCode == department);

    private Task<TaskView> SignAsync(WorkflowTask task, string outcome = "approved", string? opinion = null) =>
        _harness.CompleteAsync(task.Id, TestActors.DepartmentStaff(task.DepartmentCode!),
            new CompleteTask(outcome, opinion is null ? null : JsonSerializer.SerializeToElement(new { opinion }), null));

    private async Task<JsonObject> ProgressAsync() => (await _harness.VariablesAsync(_workflow.Id))["sign"]!.AsObject();

    private async Task<List<JournalEntry>> CompletionsAsync() =>
        [.. (await _harness.JournalAsync(_workflow.Id)).Where(j => j.Kind == JournalKind.MultiInstanceCompleted)];

    [Fact]
    public async Task AParallelCountersignatureOpensOneTaskPerDepartmentOnOneTokenAndCompletesWhenAllHaveSigned()
    {
        await StartAsync();
        var open = await SignaturesAsync();

        Assert.Equal(MultiInstanceTemplates.Departments, open.Select(t => t.DepartmentCode));
        Assert.Equal(MultiInstanceTemplates.Departments, open.Select(t => t.InstanceKey));
        Assert.All(open, t => Assert.Equal((TaskScope.Department, Roles.CountyDepartment, "部门会签意见"), (t.Scope, t.Role, t.Title)));
        Assert.Single(open.Select(t => t.TokenId).Distinct());
        Assert.Equal(3, (await _harness.TimersAsync(_workflow.Id)).Count(t => t.Kind == TimerKind.TaskDue && open.Any(o => o.Id == t.TaskId)));

        await SignAsync(open[0], opinion: "同意，建议补充台账");
        await SignAsync(open[1]);
        Assert.Equal(2, (int)(await ProgressAsync())["signed"]!);
        Assert.DoesNotContain(await _harness.TasksAsync(_workflow.Id), t => t.ElementId == "after");

        await SignAsync(open[2]);

        var progress = await ProgressAsync();
        Assert.Equal((3, 3, "approved"), ((int)progress["signed"]!, (int)progress["total"]!, (string?)progress["outcome"]));
        var first = progress["instances"]![0]!;
        Assert.Equal(("urban-management", "同意，建议补充台账", "dept-urban-management"), ((string?)first["key"], (string?)first["opinion"], (string?)first["completedBy"]));
        Assert.Equal(UserTaskStatus.Open, (await _harness.OpenTaskAsync(_workflow.Id, "after")).Status);
        var journal = Assert.Single(await CompletionsAsync());
        Assert.Equal("会签完成：部门会签意见（3/3 已签，结果：同意）", journal.Detail);
        Assert.Equal(3, (await _harness.EventsAsync<TaskCompleted>()).Count(e => open.Any(o => o.Id == e.TaskId)));
    }

    [Fact]
    public async Task AnyOneSignatureCompletesTheElementAndCancelsTheOthersWithTheirTimers()
    {
        await StartAsync(completion: "any");
        var open = await SignaturesAsync();

        await SignAsync(open[1]);

        Assert.Equal(UserTaskStatus.Open, (await _harness.OpenTaskAsync(_workflow.Id, "after")).Status);
        var cancelled = await SignaturesAsync(UserTaskStatus.Cancelled);
        Assert.Equal(["urban-management", "transport"], cancelled.Select(t => t.DepartmentCode).Order(StringComparer.Ordinal).Reverse());
        Assert.All((await _harness.TimersAsync(_workflow.Id)).Where(t => cancelled.Any(c => c.Id == t.TaskId)), t => Assert.NotNull(t.CancelledAt));
        Assert.Equal(2, (await _harness.EventsAsync<TaskCancelled>()).Count(e => cancelled.Any(c => c.Id == e.TaskId)));
        var journal = Assert.Single(await CompletionsAsync());
        Assert.Equal("或签完成：部门会签意见（1/3 已签，结果：同意）；其余 2 份签署不再需要，已取消", journal.Detail);
    }

    [Fact]
    public async Task AtLeastTwoOfThreeCompletesOnTheSecondSignature()
    {
        await StartAsync(completion: "atLeast", atLeast: 2);
        var open = await SignaturesAsync();

        await SignAsync(open[2]);
        Assert.Equal(2, (await SignaturesAsync()).Count);
        await SignAsync(open[0]);

        Assert.Equal(UserTaskStatus.Cancelled, (await _harness.TaskAsync(open[1].Id)).Status);
        Assert.Equal("会签（至少 2 份）完成：部门会签意见（2/3 已签，结果：同意）；其余 1 份签署不再需要，已取消", Assert.Single(await CompletionsAsync()).Detail);
        Assert.Equal(UserTaskStatus.Open, (await _harness.OpenTaskAsync(_workflow.Id, "after")).Status);
    }

    [Fact]
    public async Task ASequentialCountersignatureOpensTheNextDepartmentOnlyWhenThePreviousHasSigned()
    {
        await StartAsync(mode: "sequential");

        foreach (var department in MultiInstanceTemplates.Departments)
        {
            var only = Assert.Single(await SignaturesAsync());
            Assert.Equal(department, only.DepartmentCode);
            await SignAsync(only);
        }

        Assert.Empty(await SignaturesAsync());
        Assert.Equal(3, (await SignaturesAsync(UserTaskStatus.Completed)).Count);
        Assert.Equal(UserTaskStatus.Open, (await _harness.OpenTaskAsync(_workflow.Id, "after")).Status);
    }

    [Fact]
    public async Task OneDepartmentRejectingEndsTheCountersignatureWithThatOutcome()
    {
        await StartAsync();
        var open = await SignaturesAsync();

        await SignAsync(open[0]);
        await SignAsync(open[1], "rejected", "台账不全");

        Assert.Equal("rejected", (string?)(await ProgressAsync())["outcome"]);
        Assert.Equal(UserTaskStatus.Open, (await _harness.OpenTaskAsync(_workflow.Id, "redo")).Status);
        Assert.Equal(UserTaskStatus.Cancelled, (await _harness.TaskAsync(open[2].Id)).Status);
        Assert.Equal("会签完成：部门会签意见（2/3 已签，结果：不予通过）；其余 1 份签署不再需要，已取消", Assert.Single(await CompletionsAsync()).Detail);
    }

    [Fact]
    public async Task ADepartmentSignsOnlyItsOwnInstance()
    {
        await StartAsync();
        var education = await SignatureOfAsync("education");

        var refused = await Assert.ThrowsAsync<WorkflowException>(() =>
            _harness.CompleteAsync(education.Id, TestActors.DepartmentStaff("transport"), new CompleteTask("approved", null, null)));

        Assert.Equal(WorkflowErrorKind.NotFound, refused.Kind);
        Assert.Equal(UserTaskStatus.Open, (await _harness.TaskAsync(education.Id)).Status);
    }

    [Fact]
    public async Task TheLastTwoSignaturesCompletedAtOnceCompleteTheElementExactlyOnce()
    {
        await StartAsync();
        var open = await SignaturesAsync();
        await SignAsync(open[0]);
        _harness.Rival.BeforeNextSave(() => SignAsync(open[1]));

        await SignAsync(open[2]);

        Assert.Equal(3, (await SignaturesAsync(UserTaskStatus.Completed)).Count);
        Assert.Equal(3, (int)(await ProgressAsync())["signed"]!);
        Assert.Single(await CompletionsAsync());
        Assert.Single(await _harness.TasksAsync(_workflow.Id), t => t.ElementId == "after");
        Assert.Single(await _harness.TokensAsync(_workflow.Id));
    }

    [Fact]
    public async Task SendingBackOutOfACountersignatureCancelsEveryOpenSignature()
    {
        await StartAsync();
        var open = await SignaturesAsync();
        await SignAsync(open[0]);

        var fresh = await _harness.SendBackAsync(open[1].Id, "prepare", TestActors.CountyAdmin, "会签材料需补充");

        Assert.Equal("prepare", (await _harness.TaskAsync(fresh.Id)).ElementId);
        Assert.Empty(await SignaturesAsync());
        Assert.Equal(UserTaskStatus.Cancelled, (await _harness.TaskAsync(open[2].Id)).Status);
        Assert.All((await _harness.TimersAsync(_workflow.Id)).Where(t => t.TaskId == open[2].Id), t => Assert.NotNull(t.CancelledAt));
        Assert.Equal("prepare", Assert.Single(await _harness.TokensAsync(_workflow.Id)).ElementId);
    }

    [Fact]
    public async Task SendingBackIntoACountersignatureOpensEveryDepartmentsSignatureAfresh()
    {
        await StartAsync();
        foreach (var task in await SignaturesAsync()) await SignAsync(task);
        var after = await _harness.OpenTaskAsync(_workflow.Id, "after");

        await _harness.SendBackAsync(after.Id, "sign", TestActors.CountyAdmin, "请各部门重新确认");

        var fresh = await SignaturesAsync();
        Assert.Equal(MultiInstanceTemplates.Departments, fresh.Select(t => t.DepartmentCode));
        Assert.All(fresh, t => Assert.Equal(((string?)null, "请各部门重新确认"), (t.Assignee, t.HandoverNote)));
        Assert.Equal(0, (int)(await ProgressAsync())["signed"]!);
    }

    [Fact]
    public async Task ASignatureIsNotWithdrawnAndTheReasonSaysWhetherTheCountersignatureIsStillRunning()
    {
        await StartAsync();
        var open = await SignaturesAsync();
        await SignAsync(open[0]);

        var whileSigning = await Assert.ThrowsAsync<WorkflowException>(() => _harness.WithdrawAsync(open[0].Id, TestActors.DepartmentStaff(open[0].DepartmentCode!)));
        await SignAsync(open[1]);
        await SignAsync(open[2]);
        var afterwards = await Assert.ThrowsAsync<WorkflowException>(() => _harness.WithdrawAsync(open[2].Id, TestActors.DepartmentStaff(open[2].DepartmentCode!)));

        Assert.Equal((WorkflowErrorKind.Conflict, WorkflowErrorKind.Conflict), (whileSigning.Kind, afterwards.Kind));
        Assert.Equal("“部门会签意见”是会签中的一份签署，签署后不能撤回；如需更正，请联系县爱卫办。", whileSigning.Message);
        Assert.Equal("“部门会签意见”的会签已由各方签署完成，流程已继续推进，不能撤回这一份签署。", afterwards.Message);
        Assert.DoesNotContain("withdraw", (await _harness.OperationsAsync(open[0].Id, TestActors.DepartmentStaff(open[0].DepartmentCode!))).Allowed);
    }

    [Fact]
    public async Task TheCompletionThatOpenedTheSignaturesIsNotWithdrawn()
    {
        await StartAsync();
        var prepare = Assert.Single(await _harness.TasksAsync(_workflow.Id), t => t.ElementId == "prepare");

        var refused = await Assert.ThrowsAsync<WorkflowException>(() => _harness.WithdrawAsync(prepare.Id, TestActors.CountyAdmin));

        Assert.Equal("此任务办结后已生成会签“部门会签意见”的各份签署，不能撤回；如需更正，请由县爱卫办退回。", refused.Message);
        Assert.Equal(3, (await SignaturesAsync()).Count);
    }

    [Fact]
    public async Task AWorkflowInsideARunningCountersignatureIsNotMigrated()
    {
        await StartAsync();
        var version = (await _harness.WorkflowAsync(_workflow.Id)).TemplateVersion;
        await _harness.AddTemplateAsync(MultiInstanceTemplates.With(), version + 1, TemplateStatus.Published);

        var refused = await Assert.ThrowsAsync<WorkflowException>(() =>
            _harness.MigrateAsync(_workflow.Id, new MigrationPlanRequest(Tracks.Municipal, version, version + 1, [])));

        Assert.Equal(WorkflowErrorKind.Unprocessable, refused.Kind);
        Assert.Equal("“部门会签意见”（sign）的会签正在进行（尚有 3 份签署未完成），不能迁移：请待会签完成后再迁移。", refused.Errors["elements.sign"]);
        Assert.Equal(version, (await _harness.WorkflowAsync(_workflow.Id)).TemplateVersion);
    }
}

[Trait("Category", "Unit")]
public sealed class MultiInstanceTestsOnSqlite() : MultiInstanceTests(EngineDatabase.Sqlite);

[Trait("Category", "Postgres")]
public sealed class MultiInstanceTestsOnPostgres() : MultiInstanceTests(EngineDatabase.Postgres);
