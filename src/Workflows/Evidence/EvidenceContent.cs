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

    public const string EmbeddedRefused = "Office 文件中嵌入了程序包（OLE Package），不允许上传。";

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

    /// <summary>
    /// The kind of a stored file of the sniffed family, read by its structure: the magic bytes alone would let a
    /// polyglot, a PDF with JavaScript or a zip bomb through (issue 10, item 7; ADR 0021).
    /// </summary>
    public static async Task<(EvidenceKind? Kind, string? Refusal)> IdentifyAsync(Family family, Stream stored, CancellationToken ct) => family switch
    {
        Family.Pdf => Judged(EvidenceKind.Pdf, PdfStructure.Check(await ReadAllAsync(stored, ct))),
        Family.Jpeg => Judged(EvidenceKind.Jpeg, JpegStructure.Check(await ReadAllAsync(stored, ct))),
        Family.Png => Judged(EvidenceKind.Png, PngStructure.Check(await ReadAllAsync(stored, ct))),
        Family.Zip => await OfficePackage.IdentifyAsync(stored, ct),
        Family.CompoundFile => await CompoundDocumentAsync(stored, ct),
        _ => (null, NotAllowed),
    };

    private static (EvidenceKind?, string?) Judged(EvidenceKind kind, string? refusal) => refusal is null ? (kind, null) : (null, refusal);

    /// <summary>The whole stored file: never more than <c>Evidence:MaxBytes</c>, which the upload was counted against.</summary>
    private static async Task<byte[]> ReadAllAsync(Stream stored, CancellationToken ct)
    {
        var bytes = new byte[stored.Length];
        stored.Position = 0;
        await stored.ReadExactlyAsync(bytes, ct);
        return bytes;
    }

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

    private static async Task<(EvidenceKind?, string?)> CompoundDocumentAsync(Stream stored, CancellationToken ct)
    {
        var names = await CompoundFile.ReadEntryNamesAsync(stored, ct);
        if (names is null) return (null, NotAllowed);
        if (names.Any(n => n is "Macros" or "_VBA_PROJECT_CUR" or "VBA")) return (null, MacrosRefused);
        // An OLE package (Ole10Native) carries an arbitrary embedded file, typically an executable behind an icon.
        if (names.Any(n => n.EndsWith("Ole10Native", StringComparison.Ordinal))) return (null, EmbeddedRefused);
        if (names.Contains("WordDocument")) return (EvidenceKind.Doc, null);
        if (names.Contains("Workbook") || names.Contains("Book")) return (EvidenceKind.Xls, null);
        return (null, NotAllowed);
    }
}
