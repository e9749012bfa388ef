using Shizhu.Workflows.Access;
using Shizhu.Workflows.Runtime;
using Shizhu.Workflows.Runtime.Idempotency;

namespace Shizhu.Workflows.Bulletins;

/// <summary>Edit (编辑) a draft's free text: <c>{foreword, conclusions}</c> (前言, 结论和要求), each at most 4,000 characters.</summary>
public sealed record EditBulletin(string? Foreword, string? Conclusions);

public sealed partial class BulletinOffice
{
    public const string EditCommand = "edit-bulletin";

    public Task<BulletinView> EditAsync(Guid id, EditBulletin command, Actor actor, string? idempotencyKey, CancellationToken ct)
    {
        RequireCountyOffice(actor, "编辑");
        var foreword = Text(command.Foreword, "foreword", "前言");
        var conclusions = Text(command.Conclusions, "conclusions", "结论和要求");
        return ledger.RunAsync(actor, CommandRequest.For(EditCommand, id, idempotencyKey, command), async changes =>
        {
            var bulletin = await FindAsync(id, ct);
            if (bulletin.Status != BulletinStatus.Draft) throw WorkflowException.Conflict("只有草稿状态的通报可以编辑。");
            (bulletin.Foreword, bulletin.Conclusions, bulletin.EditedAt, bulletin.EditedBy) = (foreword, conclusions, changes.Now, actor.UserName);
            bulletin.Revision++;
            return BulletinView.From(bulletin);
        }, ct);
    }

    private static string? Text(string? value, string field, string name) => value?.Trim() switch
    {
        null or "" => null,
        { Length: > BulletinText.MaxLength } => throw WorkflowException.Invalid(field, $"{name}不能超过 {BulletinText.MaxLength} 个字符。"),
        var text => text,
    };
}
