using System.Buffers.Binary;

namespace Shizhu.Workflows.Evidence;

/// <summary>
/// Walks a PNG's chunks after the signature: IHDR first (13 bytes, sane dimensions), every chunk's length within
/// the file and its CRC correct, at least one IDAT, IEND last with nothing after it, and no markup in the text
/// chunks (polyglots).
/// </summary>
internal static class PngStructure
{
    public const string Damaged = "PNG 图片结构不正确（数据块损坏、缺少图像数据或结尾后附加了内容），请重新导出后上传。";
    public const string TooLarge = "PNG 图片的像素尺寸过大（超过 1 亿像素），不允许上传。";

    private const int SignatureLength = 8;
    private const long MaxPixels = 100_000_000;
    private static readonly uint[] CrcTable = BuildCrcTable();

    public static string? Check(ReadOnlySpan<byte> png)
    {
        var offset = SignatureLength;
        var chunks = 0;
        var images = 0;
        while (offset + 12 <= png.Length)
        {
            var length = BinaryPrimitives.ReadUInt32BigEndian(png[offset..]);
            if (length > int.MaxValue || offset + 12 + (long)length > png.Length) return Damaged;
            var type = png.Slice(offset + 4, 4);
            foreach (var b in type)
                if (!char.IsAsciiLetter((char)b)) return Damaged;
            var data = png.Slice(offset + 8, (int)length);
            if (Crc(png.Slice(offset + 4, 4 + (int)length)) != BinaryPrimitives.ReadUInt32BigEndian(png[(offset + 8 + (int)length)..])) return Damaged;
            chunks++;
            if (chunks == 1)
            {
                if (!type.SequenceEqual("IHDR"u8) || length != 13) return Damaged;
                var (width, height) = (BinaryPrimitives.ReadUInt32BigEndian(data), BinaryPrimitives.ReadUInt32BigEndian(data[4..]));
                if (width == 0 || height == 0) return Damaged;
                if ((long)width * height > MaxPixels) return TooLarge;
            }
            if (type.SequenceEqual("IDAT"u8)) images++;
            offset += 12 + (int)length;
            if (type.SequenceEqual("IEND"u8))
                return images == 0 || offset != png.Length ? Damaged : ActiveMarkup.Find(png);
        }
        return Damaged;
    }

    private static uint Crc(ReadOnlySpan<byte> bytes)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in bytes) crc = CrcTable[(crc ^ b) & 0xFF] ^ (crc >> 8);
        return crc ^ 0xFFFFFFFFu;
    }

    private static uint[] BuildCrcTable()
    {
        var table = new uint[256];
        for (uint n = 0; n < 256; n++)
        {
            var c = n;
            for (var k = 0; k < 8; k++) c = (c & 1) != 0 ? 0xEDB88320u ^ (c >> 1) : c >> 1;
            table[n] = c;
        }
        return table;
    }
}
