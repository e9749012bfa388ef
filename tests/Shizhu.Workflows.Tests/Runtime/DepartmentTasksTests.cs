using Shizhu.Workflows.Access;
using Shizhu.Workflows.Runtime;
using Shizhu.Workflows.Runtime.Model;
using Shizhu.Workflows.Templates;
using Shizhu.Workflows.Tests.Infrastructure;
using static Shizhu.Workflows.Tests.Infrastructure.TestTemplates.Departments;

using Shizhu.Workflows.Tests.Infrastructure.Databases;

namespace Shizhu.Workflows.Tests.Runtime;

/// <summary>
/// Tasks of a county department (县级部门): 县教委 and 县公安局 check 黄水镇 and 马武镇 side by side with the
/// townships' own report. A department's staff work on their department's tasks in every township and on nothing else.
/// </summary>
public abstract class DepartmentTasksTests(EngineDatabase database) : IAsyncLifetime
{
    private const string Mawu = "500240106";
    private static readonly Actor EducationStaff = TestActors.DepartmentStaff(Education);
    private static readonly Actor PoliceStaff = TestActors.DepartmentStaff(PublicSecurity);
    private static readonly Actor TransportStaff = TestActors.DepartmentStaff(Transport);
    private static readonly Actor HuangshuiStaff = TestActors.Staff(TownshipCodes.Huangshui);

    private EngineHarness _harness = null!;
    private WorkflowInstance _huangshui = null!;
    private WorkflowInstance _mawu = null!;

    public async Task InitializeAsync()
    {
        _harness = await EngineHarness.CreateAsync(database);
        await _harness.AddTemplateAsync(TestTemplates.MunicipalWithDepartmentChecks, 2, TemplateStatus.Published);
        _huangshui = await _harness.StartAsync(TownshipCodes.Huangshui);
        _mawu = await _harness.StartAsync(Mawu);
    }

    public async Task DisposeAsync() => await _harness.DisposeAsync();

    private Task<WorkflowTask> TaskAsync(WorkflowInstance workflow, string key) => _harness.OpenTaskAsync(workflow.Id, key);

    private async Task<WorkflowException> RefusedAsync(Func<Task> command) => await Assert.ThrowsAsync<WorkflowException>(command);

    [Fact]
    public async Task ADepartmentsTaskRecordsItsDepartmentAndOtherTasksRecordNone()
    {
        var tasks = await _harness.TasksAsync(_huangshui.Id);

        Assert.Equal(
            [("market-check", TaskScope.Department, PublicSecurity), ("school-check", TaskScope.Department, Education),
             ("township-report", TaskScope.Township, null)],
            tasks.Select(t => (t.ElementId, t.Scope, t.DepartmentCode)).OrderBy(t => t.ElementId).ToList());
    }

    [Fact]
    public async Task ADepartmentsInboxHoldsItsOpenTasksInEveryTownshipAndNothingElse()
    {
        var inbox = await _harness.QueryAsync(q => q.InboxAsync(EducationStaff, CancellationToken.None));

        Assert.Equal([(TownshipCodes.Huangshui, "检查学校卫生"), (Mawu, "检查学校卫生")],
            inbox.Select(i => (i.TownshipCode, i.Title)).OrderBy(t => t.TownshipCode, StringComparer.Ordinal).ToList());
        Assert.All(inbox, i => Assert.Equal((TaskScope.Department, Education, "县教委"), (i.Scope, i.DepartmentCode, i.DepartmentName)));
        Assert.Empty(await _harness.QueryAsync(q => q.InboxAsync(TransportStaff, CancellationToken.None)));
        var township = await _harness.QueryAsync(q => q.InboxAsync(HuangshuiStaff, CancellationToken.None));
        Assert.Equal(["报送自查报告"], township.Select(i => i.Title));
    }

    [Fact]
    public async Task DepartmentStaffCompleteTheirDepartmentsTask()
    {
        var task = await TaskAsync(_huangshui, "school-check");

        var completed = await _harness.CompleteWithEvidenceAsync(task.Id, EducationStaff, new(Outcome: "passed", Data: null, Comment: "学校卫生达标"));

        Assert.Equal((UserTaskStatus.Completed, EducationStaff.UserName, "passed"), (completed.Status, completed.CompletedBy, completed.Outcome));
    }

    [Fact]
    public async Task AnotherDepartmentsTaskDoesNotExistForDepartmentStaff()
    {
        var task = await TaskAsync(_huangshui, "market-check");

        Assert.Equal(WorkflowErrorKind.NotFound, (await RefusedAsync(() => _harness.CompleteAsync(task.Id, EducationStaff))).Kind);
        Assert.Equal(WorkflowErrorKind.NotFound, (await RefusedAsync(() => _harness.ClaimAsync(task.Id, EducationStaff))).Kind);
        Assert.Equal(WorkflowErrorKind.NotFound, (await RefusedAsync(() => _harness.UploadAsync(task.Id, SampleFiles.Pdf, actor: EducationStaff))).Kind);
        Assert.Null(await _harness.QueryAsync(q => q.GetTaskAsync(EducationStaff, task.Id, CancellationToken.None)));
        Assert.Null(await _harness.EvidenceAsync(task.Id, EducationStaff));
        Assert.Equal(UserTaskStatus.Open, (await _harness.TaskAsync(task.Id)).Status);
    }

    [Fact]
    public async Task ATownshipUserCannotCompleteOrClaimADepartmentsTaskOfTheirTownship()
    {
        var task = await TaskAsync(_huangshui, "school-check");

        Assert.Equal(WorkflowErrorKind.Forbidden, (await RefusedAsync(() => _harness.CompleteAsync(task.Id, HuangshuiStaff))).Kind);
        Assert.Equal(WorkflowErrorKind.Forbidden, (await RefusedAsync(() => _harness.ClaimAsync(task.Id, HuangshuiStaff))).Kind);
        Assert.Equal(UserTaskStatus.Open, (await _harness.TaskAsync(task.Id)).Status);
    }

    [Fact]
    public async Task DepartmentStaffCannotCompleteATownshipsOrTheCountyOfficesTask()
    {
        var report = await TaskAsync(_huangshui, "township-report");
        var police = PoliceStaff with { Roles = new HashSet<string> { Roles.CountyDepartment, Roles.TownshipStaff } };

        // The township's task does not exist for them, even holding the township role (a user the API would never create).
        Assert.Equal(WorkflowErrorKind.NotFound, (await RefusedAsync(() => _harness.CompleteAsync(report.Id, police))).Kind);
        await _harness.CompleteCurrentStageAsync(_huangshui.Id);
        var review = await TaskAsync(_huangshui, "review");
        Assert.Equal(WorkflowErrorKind.NotFound, (await RefusedAsync(() => _harness.CompleteAsync(review.Id, PoliceStaff))).Kind);
    }

    [Fact]
    public async Task ACountyWideRoleSeesADepartmentsTaskButCannotCompleteIt()
    {
        var task = await TaskAsync(_huangshui, "school-check");

        Assert.NotNull(await _harness.QueryAsync(q => q.GetTaskAsync(TestActors.CountyAdmin, task.Id, CancellationToken.None)));
        Assert.Equal(WorkflowErrorKind.Forbidden, (await RefusedAsync(() => _harness.CompleteAsync(task.Id, TestActors.CountyAdmin))).Kind);
    }

    [Fact]
    public async Task DepartmentStaffReadTheWorkflowsWhereTheirDepartmentHasTasksOnly()
    {
        var list = await _harness.QueryAsync(q => q.ListAsync(EducationStaff, null, null, CancellationToken.None));
        Assert.Equal(new[] { _huangshui.Id, _mawu.Id }.Order().ToList(), list.Select(w => w.Id).Order().ToList());
        Assert.NotNull(await _harness.QueryAsync(q => q.GetAsync(EducationStaff, _huangshui.Id, CancellationToken.None)));
        Assert.NotNull(await _harness.QueryAsync(q => q.JournalAsync(EducationStaff, _huangshui.Id, CancellationToken.None)));

        var shijia = await _harness.StartAsync(TownshipCodes.Shijia, Tracks.National, 2022);
        Assert.Null(await _harness.QueryAsync(q => q.GetAsync(EducationStaff, shijia.Id, CancellationToken.None)));
        Assert.Null(await _harness.QueryAsync(q => q.JournalAsync(EducationStaff, shijia.Id, CancellationToken.None)));
        Assert.Empty(await _harness.QueryAsync(q => q.ListAsync(TransportStaff, null, null, CancellationToken.None)));
        Assert.Null(await _harness.QueryAsync(q => q.GetAsync(TransportStaff, _huangshui.Id, CancellationToken.None)));
    }

    [Fact]
    public async Task TheTaskDetailNamesItsDepartment()
    {
        var task = await TaskAsync(_mawu, "school-check");

        var detail = await _harness.QueryAsync(q => q.GetTaskAsync(EducationStaff, task.Id, CancellationToken.None));

        Assert.NotNull(detail);
        Assert.Equal((TaskScope.Department, Education, "县教委", Mawu, Roles.CountyDepartment),
            (detail.Scope, detail.DepartmentCode, detail.DepartmentName, detail.TownshipCode, detail.Role));
    }

    [Fact]
    public async Task DepartmentStaffClaimAndUploadEvidenceForTheirDepartmentsTask()
    {
        var task = await TaskAsync(_huangshui, "school-check");

        var claimed = await _harness.ClaimAsync(task.Id, EducationStaff);
        var evidence = await _harness.UploadAsync(task.Id, SampleFiles.Pdf, "检查记录.pdf", EducationStaff, "check-record");

        Assert.Equal((EducationStaff.UserName, Education), (claimed.Assignee, claimed.DepartmentCode));
        Assert.Equal(EducationStaff.UserName, evidence.UploadedBy);
        Assert.Single((await _harness.EvidenceAsync(task.Id, EducationStaff))!);
    }

    [Fact]
    public async Task TheCountyOfficeAssignsADepartmentsTaskToThatDepartmentsStaffOnly()
    {
        var task = await TaskAsync(_huangshui, "school-check");

        var wrong = await RefusedAsync(() => _harness.AssignAsync(task.Id, PoliceStaff, TestActors.CountyAdmin));
        var township = await RefusedAsync(() => _harness.AssignAsync(task.Id, HuangshuiStaff, TestActors.CountyAdmin));
        var assigned = await _harness.AssignAsync(task.Id, TestActors.DepartmentStaff(Education, "dept-education-2"), TestActors.CountyAdmin);

        Assert.Equal((WorkflowErrorKind.Invalid, "userName"), (wrong.Kind, wrong.Field));
        Assert.Equal($"此任务由县教委办理，用户 {PoliceStaff.UserName} 不属于该部门。", wrong.Message);
        Assert.Equal((WorkflowErrorKind.Invalid, "userName"), (township.Kind, township.Field));
        Assert.Equal("dept-education-2", assigned.Assignee);
    }
}

[Trait("Category", "Unit")]
public sealed class DepartmentTasksTestsOnSqlite() : DepartmentTasksTests(EngineDatabase.Sqlite);

[Trait("Category", "Postgres")]
public sealed class DepartmentTasksTestsOnPostgres() : DepartmentTasksTests(EngineDatabase.Postgres);
