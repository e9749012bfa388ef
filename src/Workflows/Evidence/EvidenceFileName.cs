using System.Text;

namespace Shizhu.Workflows.Evidence;

/// <summary>
/// Makes an uploader's file name safe to show and to offer as a download name: no folders, no control or
/// direction-override characters, none of <c>&lt;&gt;:"/\|?*</c>, at most 120 characters, and an extension that
/// matches the content (<c>report.exe</c> holding a PDF becomes <c>report.exe.pdf</c>). It never names a stored file.
/// </summary>
internal static class EvidenceFileName
{
    public const int MaxLength = 120;
    private const string Fallback = "佐证材料";

    public static string Sanitise(string? raw, EvidenceKind kind)
    {
        var name = raw ?? "";
        // Keep the last segment of a client path, whichever separator the client's system uses.
        name = name[(name.LastIndexOfAny(['/', '\\']) + 1)..];
        var clean = new StringBuilder(name.Length);
        foreach (var c in name)
            if (!char.IsControl(c) && !IsDirectionOverride(c) && "<>:\"|?*".IndexOf(c) < 0) clean.Append(c);
        name = clean.ToString().Trim().Trim('.').Trim();

        var extensions = EvidenceContent.Extensions(kind);
        var extension = Path.GetExtension(name);
        var matches = extensions.Contains(extension, StringComparer.OrdinalIgnoreCase);
        var stem = matches ? name[..^extension.Length] : name;
        var suffix = matches ? extension : extensions[0];
        if (stem.Length == 0) stem = Fallback;
        if (stem.Length + suffix.Length > MaxLength)
        {
            stem = stem[..(MaxLength - suffix.Length)];
            if (char.IsHighSurrogate(stem[^1])) stem = stem[..^1];
            stem = stem.TrimEnd();
        }
        return stem + suffix;
    }

    // U+202A–U+202E and U+2066–U+2069 reorder what is displayed ("gpj.exe" shown as "exe.jpg").
    private static bool IsDirectionOverride(char c) => c is >= '\u202A' and <= '\u202E' or >= '\u2066' and <= '\u2069' or '\u200E' or '\u200F';
}
