using System.IO.Compression;

namespace Shizhu.Workflows.Evidence;

/// <summary>
/// Decides what a file is by its content — magic bytes, then the package or compound-file structure — never by
/// its name or the client's Content-Type. Anything that is not a PDF, JPEG, PNG, Word or Excel document is
/// refused, and so are Office files carrying macros.
/// </summary>
internal static class EvidenceContent
{
    /// <summary>How many leading bytes <see cref="Sniff"/> needs.</summary>
    public const int HeadLength = 8;

    public const string NotAllowed = "文件类型不允许：只接受 PDF、JPEG、PNG 图片和 Word、Excel 文档（按文件内容识别，与文件名无关）。";
    public const string MacrosRefused = "含宏的 Office 文件不允许上传，请另存为不含宏的文档后再上传。";

    private static readonly byte[] Pdf = "%PDF-"u8.ToArray();
    private static readonly byte[] Jpeg = [0xFF, 0xD8, 0xFF];
    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];
    private static readonly byte[] Zip = [0x50, 0x4B, 0x03, 0x04];

    public enum Family
    {
        None,
        Pdf,
        Jpeg,
        Png,
        Zip,
        CompoundFile,
    }

    public static Family Sniff(ReadOnlySpan<byte> head) =>
        head.StartsWith(Pdf) ? Family.Pdf
        : head.StartsWith(Jpeg) ? Family.Jpeg
        : head.StartsWith(Png) ? Family.Png
        : head.StartsWith(Zip) ? Family.Zip
        : head.StartsWith(CompoundFile.Signature) ? Family.CompoundFile
        : Family.None;

    /// <summary>The kind of a stored file of the sniffed family, reading its structure where the magic bytes are not enough.</summary>
    public static async Task<(EvidenceKind? Kind, string? Refusal)> IdentifyAsync(Family family, Stream stored, CancellationToken ct) => family switch
    {
        Family.Pdf => (EvidenceKind.Pdf, null),
        Family.Jpeg => (EvidenceKind.Jpeg, null),
        Family.Png => (EvidenceKind.Png, null),
        Family.Zip => await OfficeOpenXmlAsync(stored, ct),
        Family.CompoundFile => await CompoundDocumentAsync(stored, ct),
        _ => (null, NotAllowed),
    };

    public static string ContentType(EvidenceKind kind) => kind switch
    {
        EvidenceKind.Pdf => "application/pdf",
        EvidenceKind.Jpeg => "image/jpeg",
        EvidenceKind.Png => "image/png",
        EvidenceKind.Docx => "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        EvidenceKind.Xlsx => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        EvidenceKind.Doc => "application/msword",
        EvidenceKind.Xls => "application/vnd.ms-excel",
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    /// <summary>The file name extensions of a kind, the usual one first.</summary>
    public static IReadOnlyList<string> Extensions(EvidenceKind kind) => kind switch
    {
        EvidenceKind.Pdf => [".pdf"],
        EvidenceKind.Jpeg => [".jpg", ".jpeg"],
        EvidenceKind.Png => [".png"],
        EvidenceKind.Docx => [".docx"],
        EvidenceKind.Xlsx => [".xlsx"],
        EvidenceKind.Doc => [".doc"],
        EvidenceKind.Xls => [".xls"],
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    private static async Task<(EvidenceKind?, string?)> OfficeOpenXmlAsync(Stream stored, CancellationToken ct)
    {
        List<string> names;
        try
        {
            await using var zip = await ZipArchive.CreateAsync(stored, ZipArchiveMode.Read, leaveOpen: true, entryNameEncoding: null, ct);
            names = [.. zip.Entries.Select(e => e.FullName)];
        }
        catch (InvalidDataException)
        {
            return (null, NotAllowed);
        }
        if (!names.Contains("[Content_Types].xml")) return (null, NotAllowed);
        if (names.Any(n => n.EndsWith("vbaProject.bin", StringComparison.OrdinalIgnoreCase))) return (null, MacrosRefused);
        if (names.Any(n => n.StartsWith("word/", StringComparison.Ordinal))) return (EvidenceKind.Docx, null);
        if (names.Any(n => n.StartsWith("xl/", StringComparison.Ordinal))) return (EvidenceKind.Xlsx, null);
        return (null, NotAllowed);
    }

    private static async Task<(EvidenceKind?, string?)> CompoundDocumentAsync(Stream stored, CancellationToken ct)
    {
        var names = await CompoundFile.ReadEntryNamesAsync(stored, ct);
        if (names is null) return (null, NotAllowed);
        if (names.Any(n => n is "Macros" or "_VBA_PROJECT_CUR" or "VBA")) return (null, MacrosRefused);
        if (names.Contains("WordDocument")) return (EvidenceKind.Doc, null);
        if (names.Contains("Workbook") || names.Contains("Book")) return (EvidenceKind.Xls, null);
        return (null, NotAllowed);
    }
}
