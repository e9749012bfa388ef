using System.Buffers.Binary;

namespace Shizhu.Workflows.Evidence;

/// <summary>
/// Walks a JPEG's markers from SOI to EOI: every segment's length within the file, a frame header (SOF) before the
/// first scan, entropy-coded data only between SOS and the next marker, and nothing after EOI. <c>FFD8FF</c>
/// followed by <c>&lt;script&gt;</c> has no valid marker and is refused; so is markup hidden in a comment.
/// </summary>
internal static class JpegStructure
{
    public const string Damaged = "JPEG 图片结构不正确（标记段损坏、缺少图像数据或结尾后附加了内容），请重新导出后上传。";

    private const byte Soi = 0xD8, Eoi = 0xD9, Sos = 0xDA;

    public static string? Check(ReadOnlySpan<byte> jpeg)
    {
        if (jpeg.Length < 4 || jpeg[0] != 0xFF || jpeg[1] != Soi) return Damaged;
        var offset = 2;
        var frame = false;
        var scans = 0;
        while (true)
        {
            if (offset + 2 > jpeg.Length || jpeg[offset] != 0xFF) return Damaged;
            // Fill bytes (FF FF …) may pad before a marker.
            while (offset + 1 < jpeg.Length && jpeg[offset + 1] == 0xFF) offset++;
            if (offset + 2 > jpeg.Length) return Damaged;
            var marker = jpeg[offset + 1];
            offset += 2;
            if (marker == Eoi) break;
            if (marker is Soi or 0x00 or 0x01 or (>= 0xD0 and <= 0xD7) || !IsKnownMarker(marker)) return Damaged;
            if (offset + 2 > jpeg.Length) return Damaged;
            var length = BinaryPrimitives.ReadUInt16BigEndian(jpeg[offset..]);
            if (length < 2 || offset + length > jpeg.Length) return Damaged;
            if (IsFrameHeader(marker)) frame = true;
            offset += length;
            if (marker != Sos) continue;
            if (!frame) return Damaged;
            scans++;
            offset = SkipEntropyData(jpeg, offset);
            if (offset < 0) return Damaged;
        }
        if (!frame || scans == 0) return Damaged;
        // Nothing but padding may follow EOI: an appended archive or script is what makes a polyglot.
        if (jpeg[offset..].ContainsAnyExcept((byte)0x00)) return Damaged;
        return ActiveMarkup.Find(jpeg);
    }

    /// <summary>The offset of the marker that ends a scan's entropy-coded data, or -1 when the file ends first.</summary>
    private static int SkipEntropyData(ReadOnlySpan<byte> jpeg, int offset)
    {
        for (var i = offset; i + 1 < jpeg.Length; i++)
        {
            if (jpeg[i] != 0xFF) continue;
            var next = jpeg[i + 1];
            // FF 00 is an escaped data byte, FF D0–D7 restart markers; anything else ends the scan.
            if (next == 0x00 || next is >= 0xD0 and <= 0xD7 || next == 0xFF) continue;
            return i;
        }
        return -1;
    }

    private static bool IsFrameHeader(byte marker) => marker is >= 0xC0 and <= 0xCF and not (0xC4 or 0xC8 or 0xCC);

    /// <summary>Markers of ITU T.81 and its application segments: SOFn, DHT, DAC, SOS, DQT, DNL, DRI, DHP, EXP, APPn, JPGn, COM.</summary>
    private static bool IsKnownMarker(byte marker) => marker is >= 0xC0 and <= 0xCF or >= 0xDA and <= 0xDF or >= 0xE0 and <= 0xFE;
}
