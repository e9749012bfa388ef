using Microsoft.EntityFrameworkCore;
using Shizhu.Workflows.Persistence;
using Shizhu.Workflows.Runtime;
using Shizhu.Workflows.Runtime.Model;
using Shizhu.Workflows.Templates;

namespace Shizhu.Workflows.Evidence;

/// <summary>
/// Refuses to complete a task while a requirement its outcome needs (<see cref="EvidenceRequirement.IsRequiredFor"/>)
/// has no file. Runs inside the completion's command: evidence is never removed, and an upload bumps the task's
/// revision, so an upload landing after this read makes the completion retry and look again (ADR 0013).
/// </summary>
public sealed class RequiredEvidence(WorkflowDbContext db)
{
    /// <summary>Throws <see cref="WorkflowException"/> (422) naming <c>evidence.{key}</c> for each missing requirement.</summary>
    /// <param name="onFile">The requirements with a file, when the command already read them with the task
    /// (<see cref="Runtime.Process.TaskState.EvidenceOnFile"/>); null to query them here.</param>
    public async Task EnsureUploadedAsync(WorkflowTask task, ElementDefinition definition, string? outcome, IReadOnlySet<string>? onFile, CancellationToken ct)
    {
        var needed = Needed(definition, outcome);
        // Most tasks ask for no evidence: they pay no query.
        if (needed.Count == 0) return;
        var keys = needed.Select(r => r.Key).ToList();
        var uploaded = onFile ?? (await db.EvidenceFiles.AsNoTracking()
            .Where(e => e.TaskId == task.Id && keys.Contains(e.Requirement))
            .Select(e => e.Requirement).Distinct().ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);
        var missing = needed.Where(r => !uploaded.Contains(r.Key)).ToList();
        if (missing.Count == 0) return;
        throw WorkflowException.Unprocessable(
            $"请先上传必需的佐证材料：{string.Join("、", missing.Select(r => $"“{r.Label}”"))}。",
            missing.ToDictionary(r => $"evidence.{r.Key}", r => Reason(r, outcome)));
    }

    /// <summary>The requirements completing with <paramref name="outcome"/> needs a file for, in the template's order.</summary>
    public static IReadOnlyList<EvidenceRequirement> Needed(ElementDefinition definition, string? outcome) =>
        [.. (definition.Evidence ?? []).Where(r => r.IsRequiredFor(outcome))];

    private static string Reason(EvidenceRequirement requirement, string? outcome) => requirement.RequiredFor is null
        ? $"请上传佐证材料“{requirement.Label}”后再办结。"
        : $"以“{outcome}”办结须先上传佐证材料“{requirement.Label}”。";
}
