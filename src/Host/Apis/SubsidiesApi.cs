using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Shizhu.Host.Identity;
using Shizhu.Workflows.Runtime.Subsidies;

namespace Shizhu.Host.Apis;

/// <summary>The subsidy ledger (补助台账) and the county finance's confirmation of each payment.</summary>
public static class SubsidiesApi
{
    public static IEndpointRouteBuilder MapSubsidiesApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/subsidies").WithTags("Subsidies");
        api.MapGet("/", LedgerAsync);
        api.MapPost("/{id:guid}/confirm", ConfirmAsync);
        return app;
    }

    /// <summary><c>?townshipCode=&amp;year=</c>: instalments with totals per township and per year (a township's users: their own).</summary>
    public static async Task<Ok<SubsidyLedgerView>> LedgerAsync(
        string? townshipCode, int? year, ClaimsPrincipal user, SubsidyLedger ledger, CancellationToken ct) =>
        TypedResults.Ok(await ledger.ReadAsync(user.ToActor(), string.IsNullOrWhiteSpace(townshipCode) ? null : townshipCode.Trim(), year, ct));

    /// <summary>County finance: <c>{paidOn: "yyyy-MM-dd", voucherNumber}</c>; 409 when already confirmed, 400 <c>paidOn</c> before it was due.</summary>
    public static async Task<Ok<SubsidyInstalmentView>> ConfirmAsync(
        Guid id, ConfirmSubsidyPayment command, [FromHeader(Name = IdempotencyKeys.Header)] string? idempotencyKey,
        ClaimsPrincipal user, SubsidyPaymentConfirmation confirmation, CancellationToken ct) =>
        TypedResults.Ok(await confirmation.ConfirmAsync(id, command, user.ToActor(), IdempotencyKeys.Normalise(idempotencyKey), ct));
}
