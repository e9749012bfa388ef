using System.Globalization;

namespace Shizhu.Workflows.Bulletins;

/// <summary>
/// How a published bulletin's number reads (<c>Bulletins:NumberPattern</c>): <c>{year}</c> is the year of publication,
/// <c>{n}</c> its place in that year. Default 石柱爱卫督〔{year}〕{n}号.
/// </summary>
public sealed record BulletinNumbering(string Pattern = BulletinNumbering.DefaultPattern)
{
    public const string DefaultPattern = "石柱爱卫督〔{year}〕{n}号";
    public static readonly BulletinNumbering Default = new();

    /// <summary>Why a pattern cannot be used, or null.</summary>
    public static string? Problem(string? pattern) =>
        string.IsNullOrWhiteSpace(pattern) || !pattern.Contains("{n}", StringComparison.Ordinal) ? "Bulletins:NumberPattern must contain {n}."
        : pattern.Length > 60 ? "Bulletins:NumberPattern must be at most 60 characters."
        : null;

    public string Format(int year, int sequence) => Pattern
        .Replace("{year}", year.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
        .Replace("{n}", sequence.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal);
}
