namespace Shizhu.Workflows.Templates;

/// <summary>An evidence file (佐证材料) a user task asks for.</summary>
public sealed record EvidenceRequirement(string Key, string Label, bool Required = true);
