using Shizhu.Workflows.Evidence;

namespace Shizhu.Host.Configuration;

/// <summary><c>Evidence</c>: where evidence files (佐证材料) are kept and how large one may be.</summary>
public sealed class EvidenceOptions
{
    public const string Section = "Evidence";
    /// <summary>
    /// The folder for evidence files, outside the web root (start-up refuses a folder inside it). A relative path
    /// is taken from the working directory, like the SQLite file's <c>data/shizhu.db</c>.
    /// </summary>
    public string RootPath { get; set; } = "data/evidence";
    public long MaxBytes { get; set; } = EvidenceLimits.DefaultMaxBytes;
}
