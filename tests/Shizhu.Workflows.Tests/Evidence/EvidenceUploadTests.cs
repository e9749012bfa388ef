using System.Security.Cryptography;
using Shizhu.Workflows.Runtime;
using Shizhu.Workflows.Runtime.Model;
using Shizhu.Workflows.Tests.Infrastructure;

using Shizhu.Workflows.Tests.Infrastructure.Databases;
using Shizhu.Workflows.Journal;

namespace Shizhu.Workflows.Tests.Evidence;

/// <summary>Uploading evidence for 石家乡's open task "制定创建工作实施方案".</summary>
public abstract class EvidenceUploadTests(EngineDatabase database) : IAsyncLifetime
{
    private EngineHarness _harness = null!;
    private WorkflowInstance _workflow = null!;
    private WorkflowTask _task = null!;

    public async Task InitializeAsync()
    {
        _harness = await EngineHarness.CreateAsync(database);
        _workflow = await _harness.StartAsync(TownshipCodes.Shijia);
        _task = await _harness.OpenTaskAsync(_workflow.Id, "work-plan");
    }

    public async Task DisposeAsync() => await _harness.DisposeAsync();

    private async Task<WorkflowException> RefusedAsync(Func<Task> command) => await Assert.ThrowsAsync<WorkflowException>(command);

    [Fact]
    public async Task AnUploadedPdfIsStoredUnderItsIdWithItsHashSizeAndTypeAndJournaled()
    {
        _harness.Clock.Advance(TimeSpan.FromHours(1));

        var view = await _harness.UploadAsync(_task.Id, SampleFiles.Pdf, "石家乡创建工作实施方案.pdf");

        var row = Assert.Single(await _harness.EvidenceRowsAsync());
        Assert.Equal((view.Id, _task.Id, _workflow.Id, TownshipCodes.Shijia), (row.Id, row.TaskId, row.WorkflowId, row.TownshipCode));
        Assert.Equal($"{TownshipCodes.Shijia}/{view.Id:N}", row.StoragePath);
        Assert.Equal(SampleFiles.Pdf, _harness.EvidenceStore.Files[row.StoragePath]);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(SampleFiles.Pdf)), view.Sha256);
        Assert.Equal(("石家乡创建工作实施方案.pdf", "application/pdf", (long)SampleFiles.Pdf.Length, "work-plan"),
            (view.FileName, view.ContentType, view.Size, view.Requirement));
        Assert.Equal((TestActors.ShijiaStaff.UserName, _harness.Clock.GetUtcNow()), (view.UploadedBy, view.UploadedAt));
        var journal = Assert.Single(await _harness.JournalAsync(_workflow.Id), j => j.Kind == JournalKind.EvidenceUploaded);
        Assert.Equal(TestActors.ShijiaStaff.UserName, journal.Actor);
        Assert.Contains("石家乡创建工作实施方案.pdf", journal.Detail);
        Assert.Contains(view.Sha256, journal.Detail);
        Assert.Equal([view], await _harness.EvidenceAsync(_task.Id, TestActors.CountyLeader));
    }

    [Fact]
    public async Task ADisguisedExecutableIsRefusedOnTheFileFieldAndNothingIsKept()
    {
        var refused = await RefusedAsync(() => _harness.UploadAsync(_task.Id, SampleFiles.Executable, "report.pdf"));

        Assert.Equal((WorkflowErrorKind.Invalid, "file"), (refused.Kind, refused.Field));
        Assert.Contains("文件类型不允许", refused.Message);
        Assert.Empty(_harness.EvidenceStore.Files);
        Assert.Empty(await _harness.EvidenceRowsAsync());
        Assert.DoesNotContain(await _harness.JournalAsync(_workflow.Id), j => j.Kind == JournalKind.EvidenceUploaded);
    }

    [Fact]
    public async Task AFileOverTheLimitIsRefusedOnceTheLimitIsPassedAndNothingIsKept()
    {
        var content = new MemoryStream();
        content.Write(SampleFiles.Pdf);
        content.SetLength(20L * 1024 * 1024 + 1);
        content.Position = 0;

        var refused = await RefusedAsync(() => _harness.UploadAsync(_task.Id, content, "big.pdf"));

        Assert.Equal(("file", "文件不能超过 20 MB。"), (refused.Field, refused.Message));
        Assert.Empty(_harness.EvidenceStore.Files);
        Assert.Empty(await _harness.EvidenceRowsAsync());
    }

    [Fact]
    public async Task AFileExactlyAtTheLimitIsAccepted()
    {
        var content = new byte[20 * 1024 * 1024];
        SampleFiles.Pdf.CopyTo(content, 0);

        var view = await _harness.UploadAsync(_task.Id, content, "big.pdf");

        Assert.Equal(content.LongLength, view.Size);
    }

    [Theory]
    [InlineData(null, "requirement")]
    [InlineData("  ", "requirement")]
    [InlineData("要求一", "requirement")]
    [InlineData("village-list", "requirement")]
    public async Task AMissingMalformedOrUnaskedRequirementIsRefused(string? requirement, string field)
    {
        var refused = await RefusedAsync(() => _harness.UploadAsync(_task.Id, SampleFiles.Pdf, requirement: requirement));

        Assert.Equal((WorkflowErrorKind.Invalid, field), (refused.Kind, refused.Field));
        Assert.Empty(_harness.EvidenceStore.Files);
    }

    [Fact]
    public async Task AnEmptyFileIsRefused()
    {
        var refused = await RefusedAsync(() => _harness.UploadAsync(_task.Id, [], "empty.pdf"));

        Assert.Equal(("file", "上传的文件是空的。"), (refused.Field, refused.Message));
    }

    [Fact]
    public async Task AnotherTownshipCannotUploadOrListAndAClosedTaskTakesNoMoreEvidence()
    {
        await _harness.UploadAsync(_task.Id, SampleFiles.Pdf);

        var outsider = await RefusedAsync(() => _harness.UploadAsync(_task.Id, SampleFiles.Pdf, actor: TestActors.JinlingStaff));
        Assert.Equal(WorkflowErrorKind.NotFound, outsider.Kind);
        Assert.Null(await _harness.EvidenceAsync(_task.Id, TestActors.JinlingStaff));
        Assert.Null(await _harness.EvidenceAsync(Guid.NewGuid(), TestActors.CountyAdmin));

        await _harness.CompleteAsync(_task.Id, TestActors.ShijiaStaff);
        var closed = await RefusedAsync(() => _harness.UploadAsync(_task.Id, SampleFiles.Png, "photo.png"));

        Assert.Equal((WorkflowErrorKind.Conflict, "该任务已办结，不能再上传佐证材料。"), (closed.Kind, closed.Message));
        Assert.Single(_harness.EvidenceStore.Files);
        Assert.Single((await _harness.EvidenceAsync(_task.Id, TestActors.ShijiaLeader))!);
    }

    [Fact]
    public async Task AnUploadRacingTheTasksCompletionIsRefusedAndItsFileRemoved()
    {
        // The required file is there, so the rival completion can land; a second file races it.
        var first = await _harness.UploadAsync(_task.Id, SampleFiles.Pdf);
        _harness.Rival.BeforeNextSave(() => _harness.CompleteAsync(_task.Id, TestActors.ShijiaStaff));

        var refused = await RefusedAsync(() => _harness.UploadAsync(_task.Id, SampleFiles.Png, "photo.png"));

        Assert.Equal(WorkflowErrorKind.Conflict, refused.Kind);
        Assert.Equal(UserTaskStatus.Completed, (await _harness.TaskAsync(_task.Id)).Status);
        Assert.Equal(first.Id, Assert.Single(await _harness.EvidenceRowsAsync()).Id);
        Assert.Single(_harness.EvidenceStore.Files);
    }

    [Fact]
    public async Task RepeatingAnUploadWithTheSameKeyAnswersTheFirstAndKeepsOneFile()
    {
        var first = await _harness.UploadAsync(_task.Id, SampleFiles.Pdf, key: "upload-1");

        var repeat = await _harness.UploadAsync(_task.Id, SampleFiles.Pdf, key: "upload-1");

        Assert.Equal(first, repeat);
        Assert.Single(_harness.EvidenceStore.Files);
        Assert.Single(await _harness.EvidenceRowsAsync());
    }
}

[Trait("Category", "Unit")]
public sealed class EvidenceUploadTestsOnSqlite() : EvidenceUploadTests(EngineDatabase.Sqlite);

[Trait("Category", "Postgres")]
public sealed class EvidenceUploadTestsOnPostgres() : EvidenceUploadTests(EngineDatabase.Postgres);
