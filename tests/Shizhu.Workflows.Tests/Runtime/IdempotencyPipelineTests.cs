using Microsoft.Extensions.DependencyInjection;
using Shizhu.Workflows.Access;
using Shizhu.Workflows.Calendar;
using Shizhu.Workflows.Events;
using Shizhu.Workflows.Plans;
using Shizhu.Workflows.Runtime;
using Shizhu.Workflows.Runtime.Idempotency;
using Shizhu.Workflows.Runtime.Model;
using Shizhu.Workflows.Runtime.ServiceTasks;
using Shizhu.Workflows.Runtime.Tasks;
using Shizhu.Workflows.Runtime.Workflows;
using Shizhu.Workflows.Tests.Infrastructure;
using Shizhu.Workflows.Tests.Infrastructure.Databases;
using Shizhu.Workflows.Journal;

namespace Shizhu.Workflows.Tests.Runtime;

/// <summary>
/// The one idempotency pipeline (ADR 0024) on the commands that had none before — start, message, retry, calendar
/// save — and the body hash on every command: a repeat of the same request answers the first answer and changes
/// nothing more; the key with a different body is refused as unprocessable, naming the header, and changes nothing.
/// </summary>
public abstract class IdempotencyPipelineTests(EngineDatabase database) : IAsyncLifetime
{
    private EngineHarness _harness = null!;

    public async Task InitializeAsync() =>
        _harness = await EngineHarness.CreateAsync(database, configure: services => services.AddSingleton<IServiceTaskAction>(new FlakyAction(failures: 1)));

    public async Task DisposeAsync() => await _harness.DisposeAsync();

    private static void AssertKeyReused(WorkflowException refused) =>
        Assert.Equal((WorkflowErrorKind.Unprocessable, IdempotencyLedger.Field, true), (refused.Kind, refused.Field, refused.Errors.ContainsKey(IdempotencyLedger.Field)));

    [Fact]
    public async Task RepeatingAStartWithTheSameKeyAnswersTheFirstWorkflowAndStartsNoOther()
    {
        var command = new StartWorkflow(TownshipCodes.Shijia, Tracks.Municipal, 2022, null);
        var first = await _harness.StartCommandAsync(command, idempotencyKey: "start-1");

        var repeat = await _harness.StartCommandAsync(command, idempotencyKey: "start-1");

        Assert.Equal(first, repeat);
        Assert.Single(await _harness.EventsAsync<WorkflowStarted>());
    }

    [Fact]
    public async Task AStartKeyReusedForAnotherTownshipIsRefusedAndStartsNothing()
    {
        await _harness.StartCommandAsync(new StartWorkflow(TownshipCodes.Shijia, Tracks.Municipal, 2022, null), idempotencyKey: "start-1");

        var refused = await Assert.ThrowsAsync<WorkflowException>(() =>
            _harness.StartCommandAsync(new StartWorkflow(TownshipCodes.Jinling, Tracks.Municipal, 2022, null), idempotencyKey: "start-1"));

        AssertKeyReused(refused);
        Assert.Single(_harness.Read(db => db.Workflows.ToList()));
    }

    [Fact]
    public async Task RepeatingAMessageWithTheSameKeyDeliversItOnceAndADifferentPayloadIsRefused()
    {
        var workflow = await _harness.StartOnAsync(ProcessTemplates.MessageWait());
        await _harness.CompleteAsync(workflow.Id, "prepare");
        var first = await _harness.DeliverAsync(workflow.Id, "verdict", """{"result":"passed"}""", idempotencyKey: "verdict-1");

        var repeat = await _harness.DeliverAsync(workflow.Id, "verdict", """{"result":"passed"}""", idempotencyKey: "verdict-1");
        var refused = await Assert.ThrowsAsync<WorkflowException>(() =>
            _harness.DeliverAsync(workflow.Id, "verdict", """{"result":"failed"}""", idempotencyKey: "verdict-1"));

        Assert.Equal(first, repeat);
        AssertKeyReused(refused);
        Assert.Single(await _harness.EventsAsync<MessageDelivered>());
        Assert.Single(await _harness.TasksAsync(workflow.Id), t => t.ElementId == "accepted");
    }

    [Fact]
    public async Task RepeatingARetryWithTheSameKeyRunsTheElementOnceAndAnswersTheResolvedIncident()
    {
        var workflow = await _harness.StartOnAsync(ProcessTemplates.ServiceStep(FlakyAction.ActionName));
        var incident = Assert.Single(await _harness.IncidentsAsync(workflow.Id));

        var first = await _harness.RetryAsync(incident.Id, idempotencyKey: "retry-1");
        var repeat = await _harness.RetryAsync(incident.Id, idempotencyKey: "retry-1");

        Assert.Equal(first, repeat);
        Assert.Equal((incident.Id, TestActors.CountyAdmin.UserName), (first.Id, first.ResolvedBy));
        Assert.Single(await _harness.JournalAsync(workflow.Id), j => j.Kind == JournalKind.IncidentRetried);
    }

    [Fact]
    public async Task RepeatingACalendarSaveWithTheSameKeyAnswersTheFirstAndOtherEntriesUnderItAreRefused()
    {
        StatutoryDayEntry[] entries = [new("2031-01-01", "holiday", "元旦")];
        var first = await ReplaceCalendarAsync(2031, entries, "calendar-1");

        var repeat = await ReplaceCalendarAsync(2031, entries, "calendar-1");
        var refused = await Assert.ThrowsAsync<WorkflowException>(() =>
            ReplaceCalendarAsync(2031, [new("2031-01-02", "holiday", "元旦")], "calendar-1"));

        Assert.Equal(first, repeat);
        AssertKeyReused(refused);
        Assert.Equal(first, await _harness.InScopeAsync<StatutoryCalendarAdmin, IReadOnlyList<StatutoryDayEntry>>(a => a.YearAsync(2031, CancellationToken.None)));
    }

    [Fact]
    public async Task ACompletionKeyReusedWithAnotherCommentIsRefusedWhileTheSameBodyAnswersTheCompletedTask()
    {
        var workflow = await _harness.StartAsync(TownshipCodes.Shijia);
        var task = await _harness.OpenTaskAsync(workflow.Id, "leading-group");
        await _harness.UploadRequiredEvidenceAsync(task.Id, TestActors.ShijiaStaff);
        var first = await _harness.CompleteAsync(task.Id, TestActors.ShijiaStaff, new CompleteTask(null, null, "已成立"), "done-1");

        var repeat = await _harness.CompleteAsync(task.Id, TestActors.ShijiaStaff, new CompleteTask(null, null, "已成立"), "done-1");
        var refused = await Assert.ThrowsAsync<WorkflowException>(() =>
            _harness.CompleteAsync(task.Id, TestActors.ShijiaStaff, new CompleteTask(null, null, "另一份意见"), "done-1"));

        Assert.Equal(first, repeat);
        AssertKeyReused(refused);
        Assert.Equal("已成立", (await _harness.TaskAsync(task.Id)).Comment);
        Assert.Single(await _harness.EventsAsync<TaskCompleted>());
    }

    [Fact]
    public async Task ASuspensionKeyReusedWithAnotherReasonIsRefusedAndTheWorkflowStaysAsTheFirstLeftIt()
    {
        var workflow = await _harness.StartAsync(TownshipCodes.Shijia);
        await _harness.SuspendAsync(workflow.Id, reason: "迎检暂停", key: "pause-1");
        await _harness.ResumeAsync(workflow.Id);

        var refused = await Assert.ThrowsAsync<WorkflowException>(() => _harness.SuspendAsync(workflow.Id, reason: "另一个原因", key: "pause-1"));

        AssertKeyReused(refused);
        Assert.Equal(WorkflowStatus.Running, (await _harness.WorkflowAsync(workflow.Id)).Status);
        Assert.Single(await _harness.EventsAsync<WorkflowSuspended>());
    }

    [Fact]
    public async Task AnAssignmentKeyReusedForAnotherAssigneeIsRefused()
    {
        var workflow = await _harness.StartAsync(TownshipCodes.Shijia);
        var task = await _harness.OpenTaskAsync(workflow.Id, "leading-group");
        var colleague = new Actor("staff-2", TestActors.ShijiaStaff.Roles, TownshipCodes.Shijia);
        await _harness.AssignAsync(task.Id, TestActors.ShijiaStaff, TestActors.CountyAdmin, key: "assign-1");

        var refused = await Assert.ThrowsAsync<WorkflowException>(() => _harness.AssignAsync(task.Id, colleague, TestActors.CountyAdmin, key: "assign-1"));

        AssertKeyReused(refused);
        Assert.Equal(TestActors.ShijiaStaff.UserName, (await _harness.TaskAsync(task.Id)).Assignee);
    }

    [Fact]
    public async Task AnEvidenceKeyReusedWithOtherBytesIsRefusedAndTheSameFileAnswersTheFirstUpload()
    {
        var workflow = await _harness.StartAsync(TownshipCodes.Shijia);
        var task = await _harness.OpenTaskAsync(workflow.Id, "leading-group");
        var requirement = (await _harness.QueryAsync(q => q.GetTaskAsync(TestActors.ShijiaStaff, task.Id, CancellationToken.None)))!.Evidence[0].Key;
        var first = await _harness.UploadAsync(task.Id, SampleFiles.Pdf, requirement: requirement, key: "upload-1");

        var repeat = await _harness.UploadAsync(task.Id, SampleFiles.Pdf, requirement: requirement, key: "upload-1");
        var refused = await Assert.ThrowsAsync<WorkflowException>(() =>
            _harness.UploadAsync(task.Id, SampleFiles.Png, requirement: requirement, key: "upload-1"));

        Assert.Equal(first, repeat);
        AssertKeyReused(refused);
        Assert.Single(await _harness.EvidenceRowsAsync());
    }

    [Fact]
    public async Task AnImportKeyReusedWithAnotherPlanIsRefusedAsUnprocessable()
    {
        await _harness.ImportPlanAsync([new(TownshipCodes.Shijia, Tracks.Municipal, 2022, null)], key: "import-1");

        var refused = await Assert.ThrowsAsync<WorkflowException>(() =>
            _harness.ImportPlanAsync([new(TownshipCodes.Jinling, Tracks.Municipal, 2022, null)], key: "import-1"));

        AssertKeyReused(refused);
        Assert.Single(_harness.Read(db => db.Workflows.ToList()));
    }

    private Task<IReadOnlyList<StatutoryDayEntry>> ReplaceCalendarAsync(int year, StatutoryDayEntry[] entries, string key) =>
        _harness.InScopeAsync<StatutoryCalendarAdmin, IReadOnlyList<StatutoryDayEntry>>(a =>
            a.ReplaceYearAsync(year, entries, TestActors.CountyAdmin, key, CancellationToken.None));
}

[Trait("Category", "Unit")]
public sealed class IdempotencyPipelineTestsOnSqlite() : IdempotencyPipelineTests(EngineDatabase.Sqlite);

[Trait("Category", "Postgres")]
public sealed class IdempotencyPipelineTestsOnPostgres() : IdempotencyPipelineTests(EngineDatabase.Postgres);
