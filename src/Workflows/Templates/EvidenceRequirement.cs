namespace Shizhu.Workflows.Templates;

/// <summary>
/// An evidence file (佐证材料) a user task asks for. A <see cref="Required"/> requirement must have a file uploaded
/// before the task can be completed — with any outcome, or only with the outcomes in <see cref="RequiredFor"/>
/// (a verification answering "findings" has no pass certificate to show).
/// </summary>
public sealed record EvidenceRequirement(string Key, string Label, bool Required = true, IReadOnlyList<string>? RequiredFor = null)
{
    /// <summary>Whether completing the task with <paramref name="outcome"/> needs a file for this requirement.</summary>
    public bool IsRequiredFor(string? outcome) =>
        Required && (RequiredFor is null || (outcome is not null && RequiredFor.Contains(outcome, StringComparer.Ordinal)));
}
