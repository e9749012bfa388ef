using Shizhu.Workflows.Access;
using Shizhu.Workflows.Events;
using Shizhu.Workflows.Runtime;
using Shizhu.Workflows.Runtime.Model;
using Shizhu.Workflows.Templates;
using Shizhu.Workflows.Tests.Infrastructure;
using Shizhu.Workflows.Tests.Templates;

using Shizhu.Workflows.Tests.Infrastructure.Databases;
using Shizhu.Workflows.Runtime.Tasks;

namespace Shizhu.Workflows.Tests.Evidence;

/// <summary>
/// A task cannot be completed while evidence it requires has no file: "提交创建材料" asks for two required files and
/// one optional; "县爱卫办审核" asks for a certificate only when it passes.
/// </summary>
public abstract class RequiredEvidenceTests(EngineDatabase database) : IAsyncLifetime
{
    private static readonly TemplateDefinition Template = TinyTemplate.Valid
        .Changing("submit", e => e with
        {
            Evidence =
            [
                new EvidenceRequirement("application", "创建申请书"),
                new EvidenceRequirement("village-list", "行政村名单"),
                new EvidenceRequirement("photos", "现场照片", Required: false),
            ],
        })
        .Changing("check", e => e with { Evidence = [new EvidenceRequirement("certificate", "审核合格证明", RequiredFor: ["passed"])] });

    private static readonly Actor Staff = TestActors.Staff(TownshipCodes.Huangshui);

    private EngineHarness _harness = null!;
    private WorkflowInstance _workflow = null!;
    private WorkflowTask _submit = null!;

    public async Task InitializeAsync()
    {
        _harness = await EngineHarness.CreateAsync(database);
        _workflow = await _harness.StartOnAsync(Template);
        _submit = await _harness.OpenTaskAsync(_workflow.Id, "submit");
    }

    public async Task DisposeAsync() => await _harness.DisposeAsync();

    private Task<WorkflowException> RefusedAsync(Guid taskId, Actor actor, string? outcome = null, string? key = null) =>
        Assert.ThrowsAsync<WorkflowException>(() => _harness.CompleteAsync(taskId, actor, new CompleteTask(outcome, null, null), key));

    private Task UploadAsync(string requirement) => _harness.UploadAsync(_submit.Id, SampleFiles.Pdf, $"{requirement}.pdf", Staff, requirement);

    [Fact]
    public async Task CompletingWithoutRequiredEvidenceIsRefusedWithOneReasonPerMissingRequirementAndChangesNothing()
    {
        var revisionBefore = (await _harness.WorkflowAsync(_workflow.Id)).Revision;
        var journalBefore = (await _harness.JournalAsync(_workflow.Id)).Count;
        var outboxBefore = (await _harness.OutboxAsync()).Count;

        var refused = await RefusedAsync(_submit.Id, Staff, key: "submit-1");

        Assert.Equal(WorkflowErrorKind.Unprocessable, refused.Kind);
        Assert.Equal(["evidence.application", "evidence.village-list"], refused.Errors.Keys);
        Assert.Equal("请上传佐证材料“创建申请书”后再办结。", refused.Errors["evidence.application"]);
        Assert.Contains("“行政村名单”", refused.Errors["evidence.village-list"]);
        Assert.Equal("请先上传必需的佐证材料：“创建申请书”、“行政村名单”。", refused.Message);

        var task = await _harness.TaskAsync(_submit.Id);
        Assert.Equal((UserTaskStatus.Open, _submit.Revision, null, null), (task.Status, task.Revision, task.CompletedAt, task.CompletedBy));
        Assert.Equal(revisionBefore, (await _harness.WorkflowAsync(_workflow.Id)).Revision);
        Assert.All(await _harness.TimersAsync(_workflow.Id), t => Assert.Null(t.CancelledAt));
        Assert.Equal(journalBefore, (await _harness.JournalAsync(_workflow.Id)).Count);
        Assert.Equal(outboxBefore, (await _harness.OutboxAsync()).Count);
        Assert.DoesNotContain(await _harness.TasksAsync(_workflow.Id), t => t.ElementId == "check");
    }

    [Fact]
    public async Task AFileForOneRequirementLeavesTheOthersMissingAndOneForAnUnknownRequirementIsRefused()
    {
        await UploadAsync("application");
        var unknown = await Assert.ThrowsAsync<WorkflowException>(() => UploadAsync("village-list-draft"));

        Assert.Equal((WorkflowErrorKind.Invalid, "requirement"), (unknown.Kind, unknown.Field));
        Assert.Contains("village-list（行政村名单）", unknown.Message, StringComparison.Ordinal);
        Assert.Equal(["application"], (await _harness.EvidenceRowsAsync()).Select(e => e.Requirement));
        var refused = await RefusedAsync(_submit.Id, Staff);
        Assert.Equal(["evidence.village-list"], refused.Errors.Keys);
    }

    [Fact]
    public async Task OnceTheRequiredFilesAreUploadedTheSameCompletionSucceedsWithoutTheOptionalOne()
    {
        await RefusedAsync(_submit.Id, Staff, key: "submit-1");
        await UploadAsync("application");
        await UploadAsync("village-list");
        await UploadAsync("application");

        // The refusal remembered nothing: the same idempotency key now completes the task.
        var completed = await _harness.CompleteAsync(_submit.Id, Staff, idempotencyKey: "submit-1");

        Assert.Equal((UserTaskStatus.Completed, Staff.UserName), (completed.Status, completed.CompletedBy));
        Assert.Equal(_submit.Id, Assert.Single(await _harness.EventsAsync<TaskCompleted>()).TaskId);
        await _harness.OpenTaskAsync(_workflow.Id, "check");
    }

    [Fact]
    public async Task EvidenceRequiredForOneOutcomeIsAskedOnlyWhenCompletingWithThatOutcome()
    {
        await _harness.CompleteWithEvidenceAsync(_submit.Id, Staff);
        var check = await _harness.OpenTaskAsync(_workflow.Id, "check");
        var county = TestActors.AbleToComplete(check);

        var passed = await RefusedAsync(check.Id, county, outcome: "passed");
        var returned = await _harness.CompleteAsync(check.Id, county, new CompleteTask("returned", null, null));

        Assert.Equal("以“passed”办结须先上传佐证材料“审核合格证明”。", Assert.Single(passed.Errors, e => e.Key == "evidence.certificate").Value);
        Assert.Equal(("returned", UserTaskStatus.Completed), (returned.Outcome, returned.Status));
    }

    [Fact]
    public async Task ABuiltInTaskCannotBeCompletedUntilItsRequiredEvidenceIsUploaded()
    {
        // A harness of its own: this class's template is the latest municipal version in the shared one.
        await using var harness = await EngineHarness.CreateAsync(database);
        var shijia = await harness.StartAsync(TownshipCodes.Shijia);
        var workPlan = await harness.OpenTaskAsync(shijia.Id, "work-plan");

        var refused = await Assert.ThrowsAsync<WorkflowException>(() => harness.CompleteAsync(workPlan.Id, TestActors.ShijiaStaff));
        await harness.UploadAsync(workPlan.Id, SampleFiles.Docx(), "实施方案.docx", TestActors.ShijiaStaff, "work-plan");
        var completed = await harness.CompleteAsync(workPlan.Id, TestActors.ShijiaStaff);

        Assert.Equal("请上传佐证材料“创建工作实施方案”后再办结。", Assert.Single(refused.Errors, e => e.Key == "evidence.work-plan").Value);
        Assert.Equal(UserTaskStatus.Completed, completed.Status);
    }
}

[Trait("Category", "Unit")]
public sealed class RequiredEvidenceTestsOnSqlite() : RequiredEvidenceTests(EngineDatabase.Sqlite);

[Trait("Category", "Postgres")]
public sealed class RequiredEvidenceTestsOnPostgres() : RequiredEvidenceTests(EngineDatabase.Postgres);
