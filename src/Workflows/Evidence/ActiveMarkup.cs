using System.Text;

namespace Shizhu.Workflows.Evidence;

/// <summary>
/// Finds what makes a file a polyglot: HTML or script markup a browser would run, or a Windows/Linux executable
/// hidden inside or appended. A PDF or image that also parses as one of those is refused (issue 10, item 7).
/// </summary>
internal static class ActiveMarkup
{
    public const string HtmlRefused = "文件中夹带了网页或脚本代码（多格式伪装文件），不允许上传。";
    public const string ExecutableRefused = "文件中夹带了可执行程序，不允许上传。";

    private static readonly byte[][] Html =
        [.. new[] { "<script", "<html", "<body", "<!doctype", "<iframe", "<svg", "<object", "<embed", "javascript:", "<?php" }.Select(Encoding.ASCII.GetBytes)];

    private static readonly byte[][] Executable =
        [.. new[] { "This program cannot be run in DOS mode", "This program must be run under Win32" }.Select(Encoding.ASCII.GetBytes), [0x7F, .. "ELF"u8]];

    /// <summary>The refusal for <paramref name="bytes"/>, null when it holds neither markup nor an executable.</summary>
    public static string? Find(ReadOnlySpan<byte> bytes)
    {
        foreach (var marker in Html)
            if (IndexOfIgnoreCase(bytes, marker) >= 0) return HtmlRefused;
        foreach (var marker in Executable)
            if (bytes.IndexOf(marker) >= 0) return ExecutableRefused;
        return null;
    }

    private static int IndexOfIgnoreCase(ReadOnlySpan<byte> bytes, ReadOnlySpan<byte> lowerMarker)
    {
        // Search for the first byte in both cases, then compare the rest case-insensitively.
        var first = lowerMarker[0];
        var upper = (byte)char.ToUpperInvariant((char)first);
        for (var offset = 0; offset <= bytes.Length - lowerMarker.Length;)
        {
            var found = bytes[offset..].IndexOfAny(first, upper);
            if (found < 0) return -1;
            var at = offset + found;
            if (at > bytes.Length - lowerMarker.Length) return -1;
            if (Ascii.EqualsIgnoreCase(bytes.Slice(at, lowerMarker.Length), lowerMarker)) return at;
            offset = at + 1;
        }
        return -1;
    }
}
