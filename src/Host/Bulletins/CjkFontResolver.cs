using PdfSharp.Fonts;

namespace Shizhu.Host.Bulletins;

/// <summary>
/// The one font the bulletins' PDFs use, a CJK font from <c>Bulletins:PdfFontPath</c> (default WenQuanYi Micro Hei from
/// Debian's fonts-wqy-microhei, which the project's scripts install): every family asked for resolves to it.
/// PDFsharp's resolver is process-wide, so it is set once.
/// </summary>
public sealed class CjkFontResolver : IFontResolver
{
    public const string Family = "CJK";
    private static readonly object Gate = new();
    private static CjkFontResolver? _installed;
    private readonly Lazy<byte[]> _face;

    private CjkFontResolver(string path) => _face = new(() => TrueTypeCollection.FirstFace(File.ReadAllBytes(path)));

    /// <summary>Installs the resolver for <paramref name="path"/> once; a missing font file answers false.</summary>
    public static bool TryInstall(string path)
    {
        if (!File.Exists(path)) return false;
        lock (Gate)
        {
            if (_installed is null)
            {
                _installed = new CjkFontResolver(path);
                GlobalFontSettings.FontResolver = _installed;
            }
        }
        return true;
    }

    public FontResolverInfo ResolveTypeface(string familyName, bool bold, bool italic) => new(Family, bold, false);

    public byte[] GetFont(string faceName) => _face.Value;
}
