using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Shizhu.Workflows.Persistence;
using Shizhu.Workflows.Runtime.Process;
using Shizhu.Workflows.Templates;

namespace Shizhu.Workflows.Runtime.InstanceMigration;

/// <summary>
/// A checked <see cref="MigrationPlanRequest"/>: both versions read and indexed, every instruction naming elements
/// that exist. <see cref="Hash"/> identifies the plan's content (not its batch filter): executing the same plan on a
/// workflow twice is recognised by it.
/// </summary>
internal sealed class MigrationPlan
{
    public const string Keep = "keep";
    public const string Recompute = "recompute";

    private readonly IReadOnlyDictionary<string, IReadOnlyList<string>> _explicit;
    private readonly IReadOnlySet<string> _cancelled;

    private MigrationPlan(string key, int sourceVersion, int targetVersion, ProcessGraph source, ProcessGraph target,
        IReadOnlyDictionary<string, IReadOnlyList<string>> mapped, IReadOnlySet<string> cancelled, bool keepDueTimes)
    {
        (Key, SourceVersion, TargetVersion, Source, Target) = (key, sourceVersion, targetVersion, source, target);
        (_explicit, _cancelled, KeepDueTimes) = (mapped, cancelled, keepDueTimes);
        Hash = ComputeHash();
    }

    public string Key { get; }
    public int SourceVersion { get; }
    public int TargetVersion { get; }
    public ProcessGraph Source { get; }
    public ProcessGraph Target { get; }
    public bool KeepDueTimes { get; }
    public string Hash { get; }

    /// <summary>
    /// Where tokens on source element <paramref name="elementId"/> go: the explicit targets, none if it is to be
    /// cancelled, the element with the same id in the target version, or null when the plan does not say.
    /// </summary>
    public IReadOnlyList<string>? TargetsOf(string elementId)
    {
        if (_explicit.TryGetValue(elementId, out var targets)) return targets;
        if (_cancelled.Contains(elementId)) return [];
        return Target.Elements.ContainsKey(elementId) ? [elementId] : null;
    }

    /// <summary>The instructions as sent, in a stable order: what the journal records as the mapping used.</summary>
    public IEnumerable<(string From, string? To)> Instructions =>
        _explicit.SelectMany(m => m.Value.Select(to => (m.Key, (string?)to)))
            .Concat(_cancelled.Select(c => (c, (string?)null)))
            .OrderBy(i => i.Item1, StringComparer.Ordinal).ThenBy(i => i.Item2, StringComparer.Ordinal);

    /// <summary>Checks the request; refusals name the field (<c>mappings[2].to</c>) and say why in Chinese.</summary>
    public static async Task<MigrationPlan> ReadAsync(MigrationPlanRequest? request, WorkflowDbContext db, TemplateCatalog catalog, CancellationToken ct)
    {
        if (request is null) throw WorkflowException.Invalid("body", "请提供迁移计划。");
        if (string.IsNullOrWhiteSpace(request.TemplateKey)) throw WorkflowException.Invalid("templateKey", "请填写模板键。");
        var key = request.TemplateKey.Trim();
        if (request.SourceVersion is not { } sourceVersion) throw WorkflowException.Invalid("sourceVersion", "请填写源版本号。");
        if (request.TargetVersion is not { } targetVersion) throw WorkflowException.Invalid("targetVersion", "请填写目标版本号。");
        var versions = await db.Templates.AsNoTracking().Where(t => t.Key == key)
            .Select(t => new { t.Version, t.Status }).ToListAsync(ct);
        if (versions.Count == 0) throw WorkflowException.Invalid("templateKey", $"模板 {key} 不存在。");
        if (versions.All(v => v.Version != sourceVersion)) throw WorkflowException.Invalid("sourceVersion", $"模板 {key} 没有第 {sourceVersion} 版。");
        var target = versions.SingleOrDefault(v => v.Version == targetVersion)
            ?? throw WorkflowException.Invalid("targetVersion", $"模板 {key} 没有第 {targetVersion} 版。");
        if (targetVersion == sourceVersion) throw WorkflowException.Invalid("targetVersion", "目标版本不能与源版本相同。");
        // A draft may still change and a retired version is no longer meant to run: workflows move only onto a published one.
        if (target.Status != TemplateStatus.Published)
            throw WorkflowException.Invalid("targetVersion", $"模板 {key} 第 {targetVersion} 版未发布（草稿或已停用），不能作为迁移目标。");
        var dueTimes = string.IsNullOrWhiteSpace(request.DueTimes) ? Recompute : request.DueTimes.Trim();
        if (dueTimes is not (Keep or Recompute)) throw WorkflowException.Invalid("dueTimes", "期限处理方式必须是 recompute（按新规则重算）或 keep（保留原期限）。");

        var source = ProcessGraph.For(await catalog.GetAsync(db, key, sourceVersion, ct));
        var targetGraph = ProcessGraph.For(await catalog.GetAsync(db, key, targetVersion, ct));
        var mapped = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var cancelled = new HashSet<string>(StringComparer.Ordinal);
        var mappings = request.Mappings ?? [];
        for (var i = 0; i < mappings.Count; i++)
        {
            var field = $"mappings[{i}]";
            if (mappings[i] is not { } mapping) throw WorkflowException.Invalid(field, "映射不能为空。");
            if (string.IsNullOrWhiteSpace(mapping.From)) throw WorkflowException.Invalid($"{field}.from", "请填写源版本中的元素。");
            if (!source.Elements.ContainsKey(mapping.From))
                throw WorkflowException.Invalid($"{field}.from", $"源版本（第 {sourceVersion} 版）中没有元素 {mapping.From}。");
            if (mapping.Cancel == !string.IsNullOrWhiteSpace(mapping.To))
                throw WorkflowException.Invalid($"{field}.to", "每条映射要么填写目标元素（to），要么声明取消（cancel: true），二者只能选一。");
            if (mapping.Cancel)
            {
                if (mapped.ContainsKey(mapping.From) || !cancelled.Add(mapping.From))
                    throw WorkflowException.Invalid($"{field}.cancel", $"元素 {mapping.From} 已有其他映射，不能同时取消。");
                continue;
            }
            if (!targetGraph.Elements.ContainsKey(mapping.To!))
                throw WorkflowException.Invalid($"{field}.to", $"目标版本（第 {targetVersion} 版）中没有元素 {mapping.To}。");
            if (cancelled.Contains(mapping.From))
                throw WorkflowException.Invalid($"{field}.from", $"元素 {mapping.From} 已声明取消，不能再映射。");
            var targets = mapped.TryGetValue(mapping.From, out var list) ? list : mapped[mapping.From] = [];
            if (targets.Contains(mapping.To!)) throw WorkflowException.Invalid($"{field}.to", $"映射 {mapping.From} → {mapping.To} 重复。");
            targets.Add(mapping.To!);
        }
        return new MigrationPlan(key, sourceVersion, targetVersion, source, targetGraph,
            mapped.ToDictionary(m => m.Key, m => (IReadOnlyList<string>)m.Value, StringComparer.Ordinal), cancelled, dueTimes == Keep);
    }

    private string ComputeHash()
    {
        var text = new StringBuilder().Append(Key).Append('\n').Append(SourceVersion).Append('\n').Append(TargetVersion).Append('\n')
            .Append(KeepDueTimes ? Keep : Recompute).Append('\n');
        foreach (var (from, to) in Instructions) text.Append(from).Append('>').Append(to ?? "(cancel)").Append('\n');
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())))[..16];
    }
}
