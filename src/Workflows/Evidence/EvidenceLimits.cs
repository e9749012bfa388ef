using System.Globalization;

namespace Shizhu.Workflows.Evidence;

/// <summary>How large one evidence file may be; the Host sets it from <c>Evidence:MaxBytes</c>.</summary>
public sealed record EvidenceLimits(long MaxBytes)
{
    public const long DefaultMaxBytes = 20L * 1024 * 1024;

    public static EvidenceLimits Default { get; } = new(DefaultMaxBytes);

    /// <summary>The limit as people read it: <c>20 MB</c>.</summary>
    public string MaxSizeText => MaxBytes % (1024 * 1024) == 0
        ? string.Create(CultureInfo.InvariantCulture, $"{MaxBytes / (1024 * 1024)} MB")
        : string.Create(CultureInfo.InvariantCulture, $"{MaxBytes} 字节");
}
