using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Shizhu.Workflows.Access;
using Shizhu.Workflows.Calendar;
using Shizhu.Workflows.Persistence;
using Shizhu.Workflows.Runtime;
using Shizhu.Workflows.Runtime.Idempotency;

namespace Shizhu.Workflows.Targets;

/// <summary>Record a title a unit holds: township code, <c>national</c> or <c>municipal</c>, the year conferred, the 文号.</summary>
public sealed record RecordTitle(string? TownshipCode, string? Title, int? Year, string? DocumentNumber);

/// <summary>Correct a recorded title's year or document number, saying why.</summary>
public sealed record EditTitle(int? Year, string? DocumentNumber, string? Reason);

/// <summary>Revoke a recorded title (withdrawn on review, or entered in error), saying why.</summary>
public sealed record RevokeTitle(string? Reason);

/// <summary>
/// The county office's register of titles held (已获命名). Three commands, one engine transaction each, idempotent by
/// <c>Idempotency-Key</c>; every change leaves a <see cref="HeldTitleChange"/> with who, when, why, before and after.
/// They share one file because they share their rules (who may, what a year and a 文号 are).
/// </summary>
public sealed class TitleRegister(WorkflowDbContext db, IdempotencyLedger ledger, TitlesHeld titles)
{
    public const string RecordCommand = "record-title";
    public const string EditCommand = "edit-title";
    public const string RevokeCommand = "revoke-title";
    public const int MinYear = 1989;
    private const int MaxDocumentLength = 100;
    private const int MaxReasonLength = 500;

    public Task<TitleView> RecordAsync(RecordTitle command, Actor actor, string? idempotencyKey, CancellationToken ct)
    {
        CountyOfficeOnly(actor);
        var code = command.TownshipCode?.Trim();
        if (string.IsNullOrEmpty(code)) throw WorkflowException.Invalid("townshipCode", "请选择乡镇（街道）。");
        if (!Tracks.IsKnown(command.Title)) throw WorkflowException.Invalid("title", "称号须为 national（国家卫生乡镇）或 municipal（重庆市卫生乡镇）。");
        var document = Document(command.DocumentNumber);
        return ledger.RunAsync(actor, CommandRequest.For(RecordCommand, Guid.Empty, idempotencyKey, command), async changes =>
        {
            var year = Year(command.Year, changes.Now);
            var township = await db.Townships.AsNoTracking().SingleOrDefaultAsync(t => t.Code == code, ct)
                ?? throw WorkflowException.Invalid("townshipCode", $"乡镇代码 {code} 不是本县的乡镇（街道）。");
            if (await db.HeldTitles.AnyAsync(t => t.TownshipCode == code && t.Title == command.Title && t.RevokedAt == null, ct))
                throw WorkflowException.Conflict($"{township.Name}的{Tracks.DisplayName(command.Title!)}称号已登记，请修改原登记。");
            if (await titles.DerivedAsync(code, command.Title!, ct) is { } derived)
                throw WorkflowException.Conflict($"{township.Name}的{Tracks.DisplayName(command.Title!)}称号已由创建工作流于 {derived.Year} 年命名登记，无需重复录入。");
            var title = new HeldTitle
            {
                Id = changes.NewId(), TownshipCode = code, Title = command.Title!, Year = year, DocumentNumber = document,
                RecordedBy = actor.UserName, RecordedAt = changes.Now,
            };
            db.HeldTitles.Add(title);
            Trace(title, changes.Now, actor, "recorded", null, null);
            return View(title, township.Name);
        }, ct);
    }

    public Task<TitleView> EditAsync(Guid id, EditTitle command, Actor actor, string? idempotencyKey, CancellationToken ct)
    {
        CountyOfficeOnly(actor);
        var document = Document(command.DocumentNumber);
        var reason = Reason(command.Reason);
        return ChangeAsync(id, actor, CommandRequest.For(EditCommand, id, idempotencyKey, command), reason, (title, now) =>
        {
            title.Year = Year(command.Year, now);
            title.DocumentNumber = document;
            return "edited";
        }, ct);
    }

    public Task<TitleView> RevokeAsync(Guid id, RevokeTitle command, Actor actor, string? idempotencyKey, CancellationToken ct)
    {
        CountyOfficeOnly(actor);
        var reason = Reason(command.Reason);
        return ChangeAsync(id, actor, CommandRequest.For(RevokeCommand, id, idempotencyKey, command), reason, (title, now) =>
        {
            (title.RevokedAt, title.RevokedBy, title.RevocationReason) = (now, actor.UserName, reason);
            return "revoked";
        }, ct);
    }

    private Task<TitleView> ChangeAsync(Guid id, Actor actor, CommandRequest request, string reason,
        Func<HeldTitle, DateTimeOffset, string> change, CancellationToken ct) =>
        ledger.RunAsync(actor, request, async changes =>
        {
            var title = await db.HeldTitles.SingleOrDefaultAsync(t => t.Id == id, ct) ?? throw WorkflowException.NotFound("命名登记不存在。");
            if (title.RevokedAt is not null) throw WorkflowException.Conflict("该称号登记已撤销，不能再修改。");
            var before = State(title);
            var kind = change(title, changes.Now);
            title.Revision++;
            Trace(title, changes.Now, actor, kind, reason, before);
            var name = await db.Townships.Where(t => t.Code == title.TownshipCode).Select(t => t.Name).SingleAsync(ct);
            return View(title, name);
        }, ct);

    private void Trace(HeldTitle title, DateTimeOffset now, Actor actor, string kind, string? reason, JsonObject? before) =>
        db.HeldTitleChanges.Add(new HeldTitleChange
        {
            Id = Guid.CreateVersion7(now), TitleId = title.Id, At = now, Actor = actor.UserName, Kind = kind, Reason = reason,
            Change = new JsonObject { ["before"] = before, ["after"] = State(title) }.ToJsonString(),
        });

    private static JsonObject State(HeldTitle t) => new()
    {
        ["townshipCode"] = t.TownshipCode, ["title"] = t.Title, ["year"] = t.Year, ["documentNumber"] = t.DocumentNumber,
        ["revoked"] = t.RevokedAt is not null,
    };

    private static TitleView View(HeldTitle t, string townshipName) =>
        new(t.Id, t.TownshipCode, townshipName, t.Title, t.Year, t.DocumentNumber, TitleView.RecordedSource, null, t.RecordedBy, t.RecordedAt,
            t.RevokedAt, t.RevocationReason);

    private static void CountyOfficeOnly(Actor actor)
    {
        if (!actor.IsInRole(Roles.CountyAdmin)) throw WorkflowException.Forbidden("只有县爱卫办可以登记、修改或撤销命名。");
    }

    private static int Year(int? year, DateTimeOffset now)
    {
        var thisYear = ChinaTime.Today(now).Year;
        return year is { } value && value >= MinYear && value <= thisYear
            ? value
            : throw WorkflowException.Invalid("year", $"命名年份须在 {MinYear} 年到今年（{thisYear} 年）之间。");
    }

    private static string Document(string? documentNumber)
    {
        var document = documentNumber?.Trim();
        if (string.IsNullOrEmpty(document)) throw WorkflowException.Invalid("documentNumber", "请填写命名文号。");
        return document.Length > MaxDocumentLength ? throw WorkflowException.Invalid("documentNumber", $"文号不能超过 {MaxDocumentLength} 个字符。") : document;
    }

    private static string Reason(string? reason)
    {
        var trimmed = reason?.Trim();
        if (string.IsNullOrEmpty(trimmed)) throw WorkflowException.Invalid("reason", "请填写修改或撤销的原因。");
        return trimmed.Length > MaxReasonLength ? throw WorkflowException.Invalid("reason", $"原因不能超过 {MaxReasonLength} 字。") : trimmed;
    }
}
