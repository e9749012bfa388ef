using System.Buffers.Binary;
using System.IO.Compression;

namespace Shizhu.Workflows.Evidence;

/// <summary>
/// Checks a DOCX/XLSX (an OPC package in a ZIP) before it is accepted: the number of entries from the end of
/// central directory record before anything is opened, then the sizes the entries declare, then — inflating each
/// entry into nothing, counting — that the whole stays under the cap as it is actually read (.NET's entry stream
/// never yields more than the central directory declares, so a lying size cannot make us read more than the cap).
/// A zip bomb (1 GB from a few MB) or a ZIP with tens of thousands of entries is refused without being expanded.
/// </summary>
internal static class OfficePackage
{
    public const int MaxEntries = 5000;
    public const long MaxExpandedBytes = 256L * 1024 * 1024;

    public const string TooManyEntries = "Office 文件包含的部件过多（超过 5000 个），不允许上传。";
    public const string TooLarge = "Office 文件解压后过大（超过 256 MB），不允许上传。";
    public const string Damaged = "Office 文件结构不正确（压缩包损坏或部件大小与声明不符），请重新保存后上传。";

    private const uint EndOfCentralDirectory = 0x06054B50;
    private const int EndRecordLength = 22;

    public static async Task<(EvidenceKind?, string?)> IdentifyAsync(Stream stored, CancellationToken ct)
    {
        var entries = await DeclaredEntryCountAsync(stored, ct);
        if (entries is null) return (null, Damaged);
        if (entries > MaxEntries) return (null, TooManyEntries);
        stored.Position = 0;
        try
        {
            await using var zip = await ZipArchive.CreateAsync(stored, ZipArchiveMode.Read, leaveOpen: true, entryNameEncoding: null, ct);
            if (zip.Entries.Count > MaxEntries) return (null, TooManyEntries);
            if (zip.Entries.Sum(e => e.Length) > MaxExpandedBytes) return (null, TooLarge);
            if (await ExpandsBeyondDeclaredAsync(zip, ct) is { } refusal) return (null, refusal);
            return Kind([.. zip.Entries.Select(e => e.FullName)]);
        }
        catch (InvalidDataException)
        {
            return (null, EvidenceContent.NotAllowed);
        }
    }

    private static (EvidenceKind?, string?) Kind(IReadOnlyList<string> names)
    {
        if (!names.Contains("[Content_Types].xml")) return (null, EvidenceContent.NotAllowed);
        if (names.Any(n => n.EndsWith("vbaProject.bin", StringComparison.OrdinalIgnoreCase))) return (null, EvidenceContent.MacrosRefused);
        if (names.Any(n => n.StartsWith("word/", StringComparison.Ordinal))) return (EvidenceKind.Docx, null);
        if (names.Any(n => n.StartsWith("xl/", StringComparison.Ordinal))) return (EvidenceKind.Xlsx, null);
        return (null, EvidenceContent.NotAllowed);
    }

    /// <summary>Inflates every entry into nothing, counting, and stops at the first that exceeds its declared size or the cap.</summary>
    private static async Task<string?> ExpandsBeyondDeclaredAsync(ZipArchive zip, CancellationToken ct)
    {
        var buffer = new byte[81920];
        long total = 0;
        foreach (var entry in zip.Entries)
        {
            await using var content = await entry.OpenAsync(ct);
            long count = 0;
            int read;
            while ((read = await content.ReadAsync(buffer, ct)) > 0)
            {
                count += read;
                total += read;
                if (count > entry.Length) return Damaged;
                if (total > MaxExpandedBytes) return TooLarge;
            }
        }
        return null;
    }

    /// <summary>
    /// The entry count of the end of central directory record, found in the file's last 64 KB; null when there is
    /// none, or when it defers to ZIP64 (0xFFFF), which no Office file under the upload limit needs.
    /// </summary>
    private static async Task<int?> DeclaredEntryCountAsync(Stream stored, CancellationToken ct)
    {
        var tailLength = (int)Math.Min(stored.Length, ushort.MaxValue + EndRecordLength);
        var tail = new byte[tailLength];
        stored.Position = stored.Length - tailLength;
        await stored.ReadExactlyAsync(tail, ct);
        for (var i = tailLength - EndRecordLength; i >= 0; i--)
        {
            if (BinaryPrimitives.ReadUInt32LittleEndian(tail.AsSpan(i)) != EndOfCentralDirectory) continue;
            var count = BinaryPrimitives.ReadUInt16LittleEndian(tail.AsSpan(i + 10));
            return count == ushort.MaxValue ? int.MaxValue : count;
        }
        return null;
    }
}
