using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;
using Shizhu.Workflows.Runtime;
using Shizhu.Workflows.Runtime.Model;
using Shizhu.Workflows.Tests.Infrastructure;
using Shizhu.Workflows.Tests.Infrastructure.Databases;

namespace Shizhu.Workflows.Tests.Evidence;

/// <summary>Issue 10, item 7: files are judged by their structure, not their first bytes; each attack is built here.</summary>
public abstract class EvidenceStructureTests(EngineDatabase database) : IAsyncLifetime
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

    private static byte[] Pdf(string body) => Encoding.Latin1.GetBytes(
        "%PDF-1.7\n1 0 obj << /Type /Catalog /Pages 2 0 R " + body + " >> endobj\n2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\n" +
        "trailer << /Root 1 0 R >>\n%%EOF\n");

    private static byte[] PdfWithStream(byte[] data, string dictionary = "")
    {
        var head = Encoding.Latin1.GetBytes($"%PDF-1.7\n3 0 obj << /Length {data.Length} {dictionary} >>\nstream\n");
        var tail = Encoding.Latin1.GetBytes("\nendstream\nendobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");
        return [.. head, .. data, .. tail];
    }

    private static byte[] Deflated(string text)
    {
        using var buffer = new MemoryStream();
        using (var zlib = new ZLibStream(buffer, CompressionLevel.Optimal, leaveOpen: true)) zlib.Write(Encoding.Latin1.GetBytes(text));
        return buffer.ToArray();
    }

    private static readonly byte[] DosStub = Encoding.ASCII.GetBytes("MZ\x90\0\x03\0\0\0PE\0\0This program cannot be run in DOS mode.\r\n$");

    public static TheoryData<string, string> Attacks => new()
    {
        { "pdf-html-polyglot", "网页或脚本" },
        { "pdf-exe-polyglot", "可执行程序" },
        { "pdf-exe-appended", "%%EOF" },
        { "pdf-javascript", "JavaScript" },
        { "pdf-openaction-js", "JavaScript" },
        { "pdf-escaped-name", "JavaScript" },
        { "pdf-launch", "Launch" },
        { "pdf-embedded-file", "EmbeddedFile" },
        { "pdf-js-in-object-stream", "JavaScript" },
        { "jpeg-script", "JPEG" },
        { "jpeg-script-after-eoi", "JPEG" },
        { "jpeg-script-in-comment", "网页或脚本" },
        { "jpeg-no-scan", "JPEG" },
        { "png-script-chunk", "网页或脚本" },
        { "png-bad-crc", "PNG" },
        { "png-appended", "PNG" },
        { "png-huge-dimensions", "像素" },
        { "doc-ole-package", "OLE Package" },
    };

    private static byte[] Attack(string name) => name switch
    {
        "pdf-html-polyglot" => Pdf("/Lang (zh) ) <html><body><script>alert(document.cookie)</script></body></html> (x"),
        "pdf-exe-polyglot" => PdfWithStream(DosStub),
        "pdf-exe-appended" => [.. Pdf(""), .. DosStub],
        "pdf-javascript" => Pdf("/Names << /JavaScript 3 0 R >>"),
        "pdf-openaction-js" => Pdf("/OpenAction << /S /JavaScript /JS (app.alert\\(1\\)) >>"),
        "pdf-escaped-name" => Pdf("/OpenAction << /S /J#61vaScript /J#53 (app.alert\\(1\\)) >>"),
        "pdf-launch" => Pdf("/OpenAction << /S /Launch /F (cmd.exe) >>"),
        "pdf-embedded-file" => Pdf("/Names << /EmbeddedFiles << /Names [(a.exe) 4 0 R] >> >>"),
        "pdf-js-in-object-stream" => PdfWithStream(Deflated("4 0 << /S /JavaScript /JS (app.alert(1)) >>"), "/Type /ObjStm /Filter /FlateDecode /N 1 /First 4"),
        "jpeg-script" => [0xFF, 0xD8, 0xFF, .. "<script>alert(1)</script>"u8],
        "jpeg-script-after-eoi" => [.. SampleFiles.Jpeg, .. "<script>alert(1)</script>"u8],
        "jpeg-script-in-comment" => [0xFF, 0xD8, 0xFF, 0xFE, 0x00, 0x1B, .. "<script>alert(1)</script>"u8, .. SampleFiles.Jpeg[2..]],
        "jpeg-no-scan" => [0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, .. "JFIF"u8, 0x00, 0x01, 0x01, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00, 0xFF, 0xD9],
        "png-script-chunk" => PngWithChunkBeforeEnd("tEXt", "Comment\0<script>alert(1)</script>"),
        "png-bad-crc" => [.. SampleFiles.Png[..^1], (byte)(SampleFiles.Png[^1] ^ 0xFF)],
        "png-appended" => [.. SampleFiles.Png, .. "<?php system($_GET[c]); ?>"u8],
        "png-huge-dimensions" => PngWithDimensions(100_000, 100_000),
        "doc-ole-package" => SampleFiles.DocWithPackage(),
        _ => throw new ArgumentOutOfRangeException(nameof(name)),
    };

    [Theory]
    [MemberData(nameof(Attacks))]
    public async Task AFileWithActiveContentOrADamagedStructureIsRefusedNamingFile(string attack, string reason)
    {
        var refused = await Assert.ThrowsAsync<WorkflowException>(() => _harness.UploadAsync(_task.Id, Attack(attack), "材料.pdf"));

        Assert.Equal((WorkflowErrorKind.Invalid, "file"), (refused.Kind, refused.Field));
        Assert.Contains(reason, refused.Message);
        Assert.Empty(_harness.EvidenceStore.Files);
    }

    [Fact]
    public async Task ADocxExpandingToOneGigabyteIsRefusedByItsDeclaredSizes()
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            zip.CreateEntry("[Content_Types].xml").Open().Dispose();
            await using var document = zip.CreateEntry("word/document.xml", CompressionLevel.Fastest).Open();
            var zeros = new byte[1024 * 1024];
            for (var i = 0; i < 1024; i++) document.Write(zeros);
        }

        var refused = await Assert.ThrowsAsync<WorkflowException>(() => _harness.UploadAsync(_task.Id, buffer.ToArray(), "bomb.docx"));

        Assert.Equal("file", refused.Field);
        Assert.Contains("解压后过大", refused.Message);
        Assert.Empty(_harness.EvidenceStore.Files);
    }

    [Fact]
    public async Task AZipWithSixtyThousandEntriesIsRefusedByItsEntryCount()
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            zip.CreateEntry("[Content_Types].xml").Open().Dispose();
            for (var i = 0; i < 60_000; i++) zip.CreateEntry($"word/{i}", CompressionLevel.NoCompression);
        }

        var refused = await Assert.ThrowsAsync<WorkflowException>(() => _harness.UploadAsync(_task.Id, buffer.ToArray(), "many.docx"));

        Assert.Equal("file", refused.Field);
        Assert.Contains("部件过多", refused.Message);
        Assert.Empty(_harness.EvidenceStore.Files);
    }

    [Fact]
    public async Task APdfWithOnlyPagesAndACompressedContentStreamIsAccepted()
    {
        var view = await _harness.UploadAsync(_task.Id, PdfWithStream(Deflated("BT /F1 12 Tf 72 712 Td (Shizhu) Tj ET"), "/Filter /FlateDecode"), "scan.pdf");

        Assert.Equal("application/pdf", view.ContentType);
    }

    private static byte[] PngWithChunkBeforeEnd(string type, string text)
    {
        var iend = SampleFiles.Png.AsSpan().LastIndexOf("IEND"u8) - 4;
        return [.. SampleFiles.Png[..iend], .. Chunk(type, Encoding.Latin1.GetBytes(text)), .. SampleFiles.Png[iend..]];
    }

    private static byte[] PngWithDimensions(uint width, uint height)
    {
        var header = new byte[13];
        BinaryPrimitives.WriteUInt32BigEndian(header, width);
        BinaryPrimitives.WriteUInt32BigEndian(header.AsSpan(4), height);
        header[8] = 8;
        header[9] = 2;
        var afterHeader = 8 + 12 + 13;
        return [.. SampleFiles.Png[..8], .. Chunk("IHDR", header), .. SampleFiles.Png[afterHeader..]];
    }

    private static byte[] Chunk(string type, byte[] data)
    {
        var typeBytes = Encoding.ASCII.GetBytes(type);
        var chunk = new byte[12 + data.Length];
        BinaryPrimitives.WriteUInt32BigEndian(chunk, (uint)data.Length);
        typeBytes.CopyTo(chunk, 4);
        data.CopyTo(chunk, 8);
        BinaryPrimitives.WriteUInt32BigEndian(chunk.AsSpan(8 + data.Length), Crc32([.. typeBytes, .. data]));
        return chunk;
    }

    /// <summary>PNG's CRC-32 (ISO 3309), bit by bit: slow and obviously right, for a few test chunks.</summary>
    private static uint Crc32(byte[] bytes)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in bytes)
        {
            crc ^= b;
            for (var k = 0; k < 8; k++) crc = (crc & 1) != 0 ? 0xEDB88320u ^ (crc >> 1) : crc >> 1;
        }
        return ~crc;
    }
}

[Trait("Category", "Unit")]
public sealed class EvidenceStructureTestsOnSqlite() : EvidenceStructureTests(EngineDatabase.Sqlite);

[Trait("Category", "Postgres")]
public sealed class EvidenceStructureTestsOnPostgres() : EvidenceStructureTests(EngineDatabase.Postgres);
