namespace Shizhu.Workflows.ReferenceData;

/// <summary>A county department that guides, checks and supplies evidence (县城市管理局, 县教委, …).</summary>
public sealed class Department
{
    public required string Code { get; init; }
    public required string Name { get; set; }
}
