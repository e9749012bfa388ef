using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Shizhu.Workflows.Access;
using Shizhu.Workflows.Calendar;
using Shizhu.Workflows.Journal;
using Shizhu.Workflows.Persistence;
using Shizhu.Workflows.Runtime.Idempotency;

namespace Shizhu.Workflows.Runtime.Subsidies;

/// <summary>The county finance confirms an instalment was paid: on <c>paidOn</c> (yyyy-MM-dd, China) with voucher <c>voucherNumber</c> (凭证号).</summary>
public sealed record ConfirmSubsidyPayment(string? PaidOn, string? VoucherNumber);

/// <summary>
/// Confirms a subsidy payment once: only county finance (县财政), never before the instalment is due nor with a payment
/// day before its due day or after today, never twice. The confirmation is a line in the workflow's journal.
/// </summary>
public sealed class SubsidyPaymentConfirmation(WorkflowDbContext db, IdempotencyLedger ledger)
{
    public const string Command = "confirm-subsidy-payment";
    public const int MaxVoucherLength = 50;

    public async Task<SubsidyInstalmentView> ConfirmAsync(Guid instalmentId, ConfirmSubsidyPayment command, Actor actor, string? idempotencyKey,
        CancellationToken ct)
    {
        if (!actor.IsInRole(Roles.CountyFinance)) throw WorkflowException.Forbidden("只有县财政可以确认补助拨付。");
        var voucher = command.VoucherNumber?.Trim();
        if (string.IsNullOrEmpty(voucher)) throw WorkflowException.Invalid("voucherNumber", "请填写拨付凭证号。");
        if (voucher.Length > MaxVoucherLength) throw WorkflowException.Invalid("voucherNumber", $"凭证号不能超过 {MaxVoucherLength} 个字符。");
        if (!DateOnly.TryParseExact(command.PaidOn?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var paidOn))
            throw WorkflowException.Invalid("paidOn", "拨付日期须为 yyyy-MM-dd 格式的日期。");

        return await ledger.RunAsync(actor, CommandRequest.For(Command, instalmentId, idempotencyKey, command), async changes =>
        {
            var instalment = await db.SubsidyInstalments.SingleOrDefaultAsync(s => s.Id == instalmentId, ct)
                ?? throw WorkflowException.NotFound("补助不存在。");
            if (instalment.PaidOn is not null)
                throw WorkflowException.Conflict($"该笔补助已于 {instalment.PaidOn:yyyy-MM-dd} 确认拨付（凭证号 {instalment.VoucherNumber}），不能重复确认。");
            var today = ChinaTime.Today(changes.Now);
            if (paidOn < instalment.DueOn)
                throw WorkflowException.Invalid("paidOn", $"拨付日期不能早于该笔补助的到期日 {instalment.DueOn:yyyy-MM-dd}。");
            if (paidOn > today) throw WorkflowException.Invalid("paidOn", $"拨付日期不能晚于今天（{today:yyyy-MM-dd}）。");

            var workflow = await db.Workflows.SingleAsync(w => w.Id == instalment.WorkflowId, ct);
            var journal = changes.Journal(workflow.Id, JournalKind.SubsidyPaid,
                $"县财政确认第 {instalment.Instalment} 笔创建补助 {instalment.Amount:N0} 元已于 {paidOn:yyyy-MM-dd} 拨付（凭证号 {voucher}）");
            journal.Before["subsidy"] = State(instalment);
            (instalment.PaidOn, instalment.VoucherNumber, instalment.ConfirmedBy, instalment.ConfirmedAt) = (paidOn, voucher, actor.UserName, changes.Now);
            instalment.Revision++;
            journal.After["subsidy"] = State(instalment);
            return new SubsidyInstalmentView(instalment.Id, workflow.Id, instalment.TownshipCode, workflow.TownshipName, workflow.Track,
                instalment.Instalment, instalment.Amount, instalment.Milestone, instalment.DueOn, instalment.PaidOn, instalment.VoucherNumber,
                instalment.ConfirmedBy, instalment.ConfirmedAt);
        }, ct);
    }

    private static System.Text.Json.Nodes.JsonObject State(Runtime.Model.SubsidyInstalment s) => new()
    {
        ["id"] = s.Id, ["instalment"] = s.Instalment, ["amount"] = s.Amount, ["milestone"] = s.Milestone,
        ["dueOn"] = s.DueOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        ["paidOn"] = s.PaidOn?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), ["voucherNumber"] = s.VoucherNumber,
    };
}
