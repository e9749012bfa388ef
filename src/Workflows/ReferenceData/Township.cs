namespace Shizhu.Workflows.ReferenceData;

/// <summary>One of the county's 33 township-level units (镇, 乡, 街道) with its official code.</summary>
public sealed class Township
{
    public required string Code { get; init; }
    public required string Name { get; set; }
    /// <summary><c>town</c>, <c>township</c> or <c>subdistrict</c>.</summary>
    public required string Kind { get; set; }
}
