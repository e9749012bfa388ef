using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Shizhu.Workflows.Access;
using Shizhu.Workflows.Persistence;
using Shizhu.Workflows.Runtime;
using Shizhu.Workflows.Runtime.Idempotency;
using Shizhu.Workflows.Templates.Validation;
using Shizhu.Workflows.Runtime.Workflows;

namespace Shizhu.Workflows.Templates.Versions;

/// <summary>
/// The versions of each template: Draft → Published → Retired. A draft is saved only when valid, and is
/// validated again when published; a published version never changes. New workflows start on the latest
/// published version of their track (<see cref="WorkflowStarter"/>); a running workflow keeps the version
/// it started on, whatever happens to it later. Reading is open to anyone signed in; changing needs
/// <see cref="Roles.TemplateAdmin"/>. Each change is an engine command, idempotent by key (ADR 0024).
/// </summary>
public sealed class TemplateVersions(WorkflowDbContext db, TemplateValidator validator, IdempotencyLedger ledger)
{
    public const string DraftCommand = "create-template-draft";
    public const string PublishCommand = "publish-template";
    public const string RetireCommand = "retire-template";

    public async Task<IReadOnlyList<TemplateSummary>> ListAsync(CancellationToken ct)
    {
        var rows = await db.Templates.AsNoTracking()
            .Select(t => new { t.Key, t.Version, t.Name, t.Track, t.Status, t.CreatedAt, t.PublishedAt, t.CreatedBy, t.CreatedByName, t.PublishedBy, t.PublishedByName })
            .ToListAsync(ct);
        return [.. rows.GroupBy(r => r.Key).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g =>
        {
            var versions = g.OrderByDescending(v => v.Version).ToList();
            return new TemplateSummary(g.Key, versions[0].Name, versions[0].Track,
                versions.FirstOrDefault(v => v.Status == TemplateStatus.Published)?.Version,
                [.. versions.Select(v => new TemplateVersionSummary(v.Version, v.Name, v.Status, v.CreatedAt, v.PublishedAt, v.CreatedBy,
                    v.CreatedByName, v.PublishedBy, v.PublishedByName))]);
        })];
    }

    public async Task<TemplateVersionDetail?> GetAsync(string key, int version, CancellationToken ct) =>
        await db.Templates.AsNoTracking().SingleOrDefaultAsync(t => t.Key == key && t.Version == version, ct) is { } row
            ? Detail(row)
            : null;

    /// <summary>Saves <paramref name="document"/> as the next version of <paramref name="key"/>, a draft; refuses an invalid one with every problem.</summary>
    public async Task<TemplateVersionDetail> CreateDraftAsync(string key, JsonElement document, Actor actor, string? idempotencyKey, CancellationToken ct)
    {
        RequireTemplateAdmin(actor, "保存模板草稿");
        var request = CommandRequest.For(DraftCommand, CommandRequest.ResourceOf($"template/{key}"), idempotencyKey, document);
        var definition = TemplateDocument.Read(document);
        var problems = new List<TemplateProblem>();
        if (definition.Key != key)
            problems.Add(new TemplateProblem(TemplateProblem.Template, "key", TemplateProblemCodes.KeyMismatch,
                $"文档中的模板键“{definition.Key}”与地址中的“{key}”不一致。"));
        problems.AddRange(await ValidateAsync(definition, ct));
        if (problems.Count > 0) throw new InvalidTemplateException(problems);

        try
        {
            return await ledger.RunAsync(actor, request, async changes =>
            {
                var latest = await db.Templates.Where(t => t.Key == key).MaxAsync(t => (int?)t.Version, ct) ?? 0;
                var row = new TemplateVersion
                {
                    Key = key, Version = latest + 1, Name = definition.Name, Track = definition.Track,
                    Definition = TemplateDocument.Write(definition), Status = TemplateStatus.Draft, CreatedAt = changes.Now,
                    CreatedBy = actor.UserName, CreatedByName = actor.Name,
                };
                db.Templates.Add(row);
                return Detail(row);
            }, ct);
        }
        catch (DbUpdateException)
        {
            // Another draft of the same key took this version number first.
            throw WorkflowException.Conflict("另一个草稿刚刚保存为同一版本号，请重试。");
        }
    }

    /// <summary>Publishes a draft after validating it again; from now on new workflows of its track start on it.</summary>
    public Task<TemplateVersionDetail> PublishAsync(string key, int version, Actor actor, string? idempotencyKey, CancellationToken ct)
    {
        RequireTemplateAdmin(actor, "发布模板");
        return ledger.RunAsync(actor, VersionRequest(PublishCommand, key, version, idempotencyKey), async changes =>
        {
            var row = await FindAsync(key, version, ct);
            if (row.Status != TemplateStatus.Draft)
                throw WorkflowException.Conflict(row.Status == TemplateStatus.Published
                    ? $"模板 {key} 第 {version} 版已发布：已发布的版本不能再修改或重复发布。"
                    : $"模板 {key} 第 {version} 版已停用，不能再发布；请以它为基础保存新的草稿。");
            var newer = await db.Templates.AsNoTracking()
                .Where(t => t.Key == key && t.Version > version && t.Status == TemplateStatus.Published)
                .Select(t => (int?)t.Version).MaxAsync(ct);
            if (newer is not null)
                throw WorkflowException.Conflict($"模板 {key} 已有更新的已发布版本（第 {newer} 版），不能再发布较旧的第 {version} 版。");
            var problems = await ValidateAsync(TemplateCatalog.ParseDocument(row.Definition), ct);
            if (problems.Count > 0) throw new InvalidTemplateException(problems);

            row.Status = TemplateStatus.Published;
            row.PublishedAt = changes.Now;
            row.PublishedBy = actor.UserName;
            row.PublishedByName = actor.Name;
            return Detail(row);
        }, ct);
    }

    /// <summary>Retires a published version: new workflows start on the latest version still published; running ones keep theirs.</summary>
    public Task<TemplateVersionDetail> RetireAsync(string key, int version, Actor actor, string? idempotencyKey, CancellationToken ct)
    {
        RequireTemplateAdmin(actor, "停用模板");
        return ledger.RunAsync(actor, VersionRequest(RetireCommand, key, version, idempotencyKey), async _ =>
        {
            var row = await FindAsync(key, version, ct);
            if (row.Status != TemplateStatus.Published)
                throw WorkflowException.Conflict(row.Status == TemplateStatus.Draft
                    ? $"模板 {key} 第 {version} 版是草稿，尚未发布，不能停用。"
                    : $"模板 {key} 第 {version} 版已经停用。");
            if (!await db.Templates.AnyAsync(t => t.Key == key && t.Version != version && t.Status == TemplateStatus.Published, ct))
                throw WorkflowException.Conflict($"第 {version} 版是模板 {key} 唯一已发布的版本，停用后将无法启动新的创建工作流；请先发布新版本。");
            row.Status = TemplateStatus.Retired;
            return Detail(row);
        }, ct);
    }

    /// <summary>Publishing and retiring act on one version and carry no body.</summary>
    private static CommandRequest VersionRequest(string command, string key, int version, string? idempotencyKey) =>
        CommandRequest.For<object>(command, CommandRequest.ResourceOf($"template/{key}/v{version}"), idempotencyKey, null);

    /// <summary>Validates a stored version as publishing would, without changing it.</summary>
    public async Task<TemplateValidationReport> ValidateAsync(string key, int version, CancellationToken ct)
    {
        var row = await db.Templates.AsNoTracking().SingleOrDefaultAsync(t => t.Key == key && t.Version == version, ct)
            ?? throw NotFound(key, version);
        var problems = await ValidateAsync(TemplateCatalog.ParseDocument(row.Definition), ct);
        return new TemplateValidationReport(key, version, row.Status, problems.Count == 0, problems);
    }

    private async Task<IReadOnlyList<TemplateProblem>> ValidateAsync(TemplateDefinition definition, CancellationToken ct)
    {
        var departments = await db.Departments.AsNoTracking().Select(d => d.Code).ToListAsync(ct);
        return validator.Validate(definition, departments);
    }

    private async Task<TemplateVersion> FindAsync(string key, int version, CancellationToken ct) =>
        await db.Templates.SingleOrDefaultAsync(t => t.Key == key && t.Version == version, ct) ?? throw NotFound(key, version);

    private static WorkflowException NotFound(string key, int version) => WorkflowException.NotFound($"模板 {key} 没有第 {version} 版。");

    private static void RequireTemplateAdmin(Actor actor, string what)
    {
        if (!actor.IsInRole(Roles.TemplateAdmin)) throw WorkflowException.Forbidden($"只有模板管理员可以{what}。");
    }

    private static TemplateVersionDetail Detail(TemplateVersion row)
    {
        using var document = JsonDocument.Parse(row.Definition);
        return new TemplateVersionDetail(row.Key, row.Version, row.Name, row.Track, row.Status, row.CreatedAt, row.PublishedAt,
            document.RootElement.Clone());
    }
}
