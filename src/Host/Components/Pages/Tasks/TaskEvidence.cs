using Shizhu.Workflows.Evidence;
using Shizhu.Workflows.Runtime.Queries;

namespace Shizhu.Host.Components.Pages.Tasks;

/// <summary>
/// What the task page knows about a task's evidence: its requirements and the files uploaded so far. Which are
/// still missing follows the engine's own rule (<see cref="EvidenceRequirementView.IsRequiredFor"/>), so the page
/// refuses exactly what completion would refuse.
/// </summary>
public sealed class TaskEvidence(IReadOnlyList<EvidenceRequirementView> requirements, IEnumerable<EvidenceView> files)
{
    private readonly List<EvidenceView> _files = [.. files];

    public IReadOnlyList<EvidenceRequirementView> Requirements => requirements;

    public IReadOnlyList<EvidenceView> FilesFor(string requirement) => [.. _files.Where(f => f.Requirement == requirement)];

    public void Add(EvidenceView file) => _files.Add(file);

    public void Remove(Guid fileId) => _files.RemoveAll(f => f.Id == fileId);

    /// <summary>Uploaders' display names by user name, for the file lines.</summary>
    public IReadOnlyDictionary<string, string> People { get; set; } = new Dictionary<string, string>();

    /// <summary>The requirements completing with <paramref name="outcome"/> needs and that have no file yet.</summary>
    public IReadOnlyList<EvidenceRequirementView> Missing(string? outcome) =>
        [.. requirements.Where(r => r.IsRequiredFor(outcome) && _files.All(f => f.Requirement != r.Key))];

    /// <summary>The page's notice for <paramref name="missing"/>, worded as the engine's refusal.</summary>
    public static string MissingNotice(IReadOnlyList<EvidenceRequirementView> missing) =>
        $"请先上传必需的佐证材料：{string.Join("、", missing.Select(r => $"“{r.Label}”"))}，上传后才能办结。";
}
