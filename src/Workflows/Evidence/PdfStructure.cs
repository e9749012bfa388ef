using System.IO.Compression;
using System.Text;

namespace Shizhu.Workflows.Evidence;

/// <summary>
/// Checks a PDF beyond its <c>%PDF-</c> header: it must end with <c>%%EOF</c> (nothing appended after it), carry
/// no active content — JavaScript, launch actions, embedded files, rich media, XFA forms — in its objects or in
/// its Flate-compressed streams (where object streams hide them), and no HTML or executable (polyglots).
/// Names are compared after decoding <c>#xx</c> escapes, so <c>/J#61vaScript</c> is <c>/JavaScript</c>.
/// </summary>
internal static class PdfStructure
{
    public const string Damaged = "PDF 文件结构不完整（缺少结尾标记 %%EOF 或其后附加了其他内容），请重新导出后上传。";
    public const string TooLarge = "PDF 文件中的压缩数据解压后过大，不允许上传。";
    public const string ActiveContent = "PDF 文件含有脚本、自动执行动作或嵌入文件（JavaScript、Launch、EmbeddedFile 等），不允许上传。";

    /// <summary>How much all of a file's streams may inflate to while they are searched.</summary>
    private const long MaxInflatedBytes = 100L * 1024 * 1024;

    private static readonly HashSet<string> ActiveNames =
        ["JS", "JavaScript", "Launch", "EmbeddedFile", "EmbeddedFiles", "RichMedia", "XFA", "GoToE", "ImportData", "SubmitForm", "Sound", "Movie"];

    public static string? Check(ReadOnlySpan<byte> pdf)
    {
        if (!EndsWithEof(pdf)) return Damaged;
        if (ActiveMarkup.Find(pdf) is { } polyglot) return polyglot;
        if (HasActiveName(pdf)) return ActiveContent;
        long inflated = 0;
        foreach (var stream in Streams(pdf))
        {
            var content = Inflate(pdf.Slice(stream.Start, stream.Length), MaxInflatedBytes - inflated);
            if (content is null) continue;
            inflated += content.Length;
            if (HasActiveName(content)) return ActiveContent;
            if (inflated >= MaxInflatedBytes) return TooLarge;
        }
        return null;
    }

    private static bool EndsWithEof(ReadOnlySpan<byte> pdf)
    {
        var end = pdf.TrimEnd(" \t\r\n\0"u8);
        return end.EndsWith("%%EOF"u8);
    }

    /// <summary>Whether a name token (<c>/Name</c>, escapes decoded) of the active kind occurs.</summary>
    private static bool HasActiveName(ReadOnlySpan<byte> bytes)
    {
        var name = new StringBuilder();
        for (var i = 0; i < bytes.Length; i++)
        {
            if (bytes[i] != (byte)'/') continue;
            name.Clear();
            var j = i + 1;
            for (; j < bytes.Length && name.Length <= 32 && !IsDelimiter(bytes[j]); j++)
            {
                if (bytes[j] == (byte)'#' && j + 2 < bytes.Length && IsHex(bytes[j + 1]) && IsHex(bytes[j + 2]))
                {
                    name.Append((char)Convert.ToByte(Encoding.ASCII.GetString(bytes.Slice(j + 1, 2)), 16));
                    j += 2;
                }
                else name.Append((char)bytes[j]);
            }
            if (ActiveNames.Contains(name.ToString())) return true;
            i = j - 1;
        }
        return false;
    }

    private static bool IsDelimiter(byte b) => b is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n' or (byte)'\f' or 0
        or (byte)'/' or (byte)'(' or (byte)')' or (byte)'<' or (byte)'>' or (byte)'[' or (byte)']' or (byte)'{' or (byte)'}' or (byte)'%';

    private static bool IsHex(byte b) => char.IsAsciiHexDigit((char)b);

    /// <summary>The byte ranges between each <c>stream</c> keyword's end of line and the following <c>endstream</c>.</summary>
    private static List<(int Start, int Length)> Streams(ReadOnlySpan<byte> pdf)
    {
        var streams = new List<(int, int)>();
        for (var offset = 0; ;)
        {
            var found = pdf[offset..].IndexOf("stream"u8);
            if (found < 0) break;
            var start = offset + found + 6;
            // "endstream" contains "stream": skip it; a real stream keyword is followed by an end of line.
            if (offset + found >= 3 && pdf.Slice(offset + found - 3, 3).SequenceEqual("end"u8)) { offset = start; continue; }
            if (start < pdf.Length && pdf[start] == (byte)'\r') start++;
            if (start < pdf.Length && pdf[start] == (byte)'\n') start++;
            var end = pdf[start..].IndexOf("endstream"u8);
            if (end < 0) break;
            streams.Add((start, end));
            offset = start + end + 9;
        }
        return streams;
    }

    /// <summary>The stream inflated (zlib), at most <paramref name="limit"/> bytes; null when it is not zlib data.</summary>
    private static byte[]? Inflate(ReadOnlySpan<byte> data, long limit)
    {
        if (data.Length < 2 || (data[0] & 0x0F) != 8 || ((data[0] << 8) | data[1]) % 31 != 0) return null;
        using var input = new MemoryStream(data.ToArray());
        using var zlib = new ZLibStream(input, CompressionMode.Decompress);
        using var output = new MemoryStream();
        var buffer = new byte[81920];
        try
        {
            int read;
            while ((read = zlib.Read(buffer)) > 0)
            {
                output.Write(buffer, 0, read);
                if (output.Length >= limit) break;
            }
        }
        catch (InvalidDataException)
        {
            // A damaged or truncated stream: what was inflated so far is still searched.
        }
        return output.ToArray();
    }
}
