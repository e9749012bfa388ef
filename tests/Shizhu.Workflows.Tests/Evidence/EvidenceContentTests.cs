using Shizhu.Workflows.Runtime;
using Shizhu.Workflows.Runtime.Model;
using Shizhu.Workflows.Tests.Infrastructure;

using Shizhu.Workflows.Tests.Infrastructure.Databases;

namespace Shizhu.Workflows.Tests.Evidence;

/// <summary>What a file is, decided by its content whatever it is called; and what it may be called.</summary>
public abstract class EvidenceContentTests(EngineDatabase database) : IAsyncLifetime
{
    private EngineHarness _harness = null!;
    private WorkflowTask _task = null!;

    public async Task InitializeAsync()
    {
        _harness = await EngineHarness.CreateAsync(database);
        var workflow = await _harness.StartAsync(TownshipCodes.Shijia);
        _task = await _harness.OpenTaskAsync(workflow.Id, "work-plan");
    }

    public async Task DisposeAsync() => await _harness.DisposeAsync();

    public static TheoryData<string, string, string> Accepted => new()
    {
        { "pdf", "scan.PDF", "application/pdf" },
        { "jpeg", "photo.jpeg", "image/jpeg" },
        { "png", "photo.png", "image/png" },
        { "docx", "plan.docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document" },
        { "xlsx", "indicators.xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" },
        { "doc", "plan.doc", "application/msword" },
        { "xls", "indicators.xls", "application/vnd.ms-excel" },
    };

    public static TheoryData<string, string> Refused => new()
    {
        { "exe", "文件类型不允许" },
        { "zip", "文件类型不允许" },
        { "docm", "含宏" },
        { "ole", "文件类型不允许" },
        { "text", "文件类型不允许" },
    };

    private static byte[] Sample(string kind) => kind switch
    {
        "pdf" => SampleFiles.Pdf,
        "jpeg" => SampleFiles.Jpeg,
        "png" => SampleFiles.Png,
        "docx" => SampleFiles.Docx(),
        "xlsx" => SampleFiles.Xlsx(),
        "doc" => SampleFiles.Doc(),
        "xls" => SampleFiles.Xls(),
        "exe" => SampleFiles.Executable,
        "zip" => SampleFiles.PlainZip(),
        "docm" => SampleFiles.DocxWithMacros(),
        "ole" => SampleFiles.OtherCompoundFile(),
        _ => "<html><script>alert(1)</script></html>"u8.ToArray(),
    };

    [Theory]
    [MemberData(nameof(Accepted))]
    public async Task EachAllowedKindIsRecognisedByItsContent(string kind, string fileName, string contentType)
    {
        var view = await _harness.UploadAsync(_task.Id, Sample(kind), fileName);

        Assert.Equal((fileName, contentType), (view.FileName, view.ContentType));
    }

    [Theory]
    [MemberData(nameof(Refused))]
    public async Task AnythingElseIsRefusedWhateverItIsCalled(string kind, string reason)
    {
        var refused = await Assert.ThrowsAsync<WorkflowException>(() => _harness.UploadAsync(_task.Id, Sample(kind), "材料.docx"));

        Assert.Equal((WorkflowErrorKind.Invalid, "file"), (refused.Kind, refused.Field));
        Assert.Contains(reason, refused.Message);
        Assert.Empty(_harness.EvidenceStore.Files);
    }

    [Theory]
    [InlineData(@"C:\Users\王\Desktop\方案.pdf", "方案.pdf")]
    [InlineData("../../etc/passwd.pdf", "passwd.pdf")]
    [InlineData("report.exe", "report.exe.pdf")]
    [InlineData("invoice\u202Efdp.exe", "invoicefdp.exe.pdf")]
    [InlineData("a<b>c:d\"e|f?g*h.pdf", "abcdefgh.pdf")]
    [InlineData("  ..  ", "佐证材料.pdf")]
    [InlineData(null, "佐证材料.pdf")]
    [InlineData("line\r\nbreak.pdf", "linebreak.pdf")]
    public async Task FileNamesAreSanitisedAndGetTheExtensionOfTheirContent(string? given, string kept)
    {
        var view = await _harness.UploadAsync(_task.Id, SampleFiles.Pdf, given);

        Assert.Equal(kept, view.FileName);
    }

    [Fact]
    public async Task AVeryLongFileNameIsShortenedKeepingItsExtension()
    {
        var view = await _harness.UploadAsync(_task.Id, SampleFiles.Pdf, new string('创', 300) + ".pdf");

        Assert.Equal(120, view.FileName.Length);
        Assert.EndsWith("创.pdf", view.FileName);
    }
}

[Trait("Category", "Unit")]
public sealed class EvidenceContentTestsOnSqlite() : EvidenceContentTests(EngineDatabase.Sqlite);

[Trait("Category", "Postgres")]
public sealed class EvidenceContentTestsOnPostgres() : EvidenceContentTests(EngineDatabase.Postgres);
