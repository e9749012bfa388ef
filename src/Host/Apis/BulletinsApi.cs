using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Shizhu.Host.Bulletins;
using Shizhu.Host.Identity;
using Shizhu.Workflows.Access;
using Shizhu.Workflows.Bulletins;

namespace Shizhu.Host.Apis;

/// <summary>Supervision bulletins (督查通报): generate, edit, approve, publish, the archive, downloads; the annual assessment sheet.</summary>
public static class BulletinsApi
{
    public static IEndpointRouteBuilder MapBulletinsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/bulletins").WithTags("Bulletins");
        api.MapGet("/", ListAsync);
        api.MapGet("/{id:guid}", ReadAsync);
        api.MapGet("/{id:guid}/file", FileAsync);
        var office = api.MapGroup("/").RequireAuthorization(Policies.CountyAdmin);
        office.MapPost("/", GenerateAsync);
        office.MapPut("/{id:guid}", EditAsync);
        office.MapPost("/{id:guid}/approve", ApproveAsync);
        office.MapPost("/{id:guid}/publish", PublishAsync);
        app.MapGet("/api/assessments/{year:int}", AssessmentAsync).WithTags("Bulletins")
            .RequireAuthorization(p => p.RequireRole(Roles.CountyAdmin, Roles.CountyLeader));
        return app;
    }

    /// <summary><c>?year=</c>: the archive, newest month first (township users: the published ones).</summary>
    public static async Task<Ok<IReadOnlyList<BulletinSummary>>> ListAsync(int? year, ClaimsPrincipal user, BulletinArchive archive, CancellationToken ct) =>
        TypedResults.Ok(await archive.ListAsync(user.ToActor(), year, ct));

    public static async Task<Ok<BulletinView>> ReadAsync(Guid id, ClaimsPrincipal user, BulletinArchive archive, CancellationToken ct) =>
        TypedResults.Ok(await archive.ReadAsync(user.ToActor(), id, ct));

    /// <summary><c>?format=xlsx|pdf</c>: the bulletin as a file.</summary>
    public static async Task<Results<FileContentHttpResult, ValidationProblem, ProblemHttpResult>> FileAsync(
        Guid id, string? format, ClaimsPrincipal user, BulletinArchive archive, BulletinFiles files, CancellationToken ct)
    {
        var bulletin = await archive.ReadAsync(user.ToActor(), id, ct);
        return Send(format, files, f => f.Excel(bulletin), f => f.Pdf(bulletin), ext => BulletinFiles.FileName(bulletin, ext));
    }

    /// <summary><c>?format=json|xlsx|pdf</c> (default json): the annual assessment sheet (年度综合考评).</summary>
    public static async Task<Results<Ok<AssessmentSheet>, FileContentHttpResult, ValidationProblem, ProblemHttpResult>> AssessmentAsync(
        int year, string? format, ClaimsPrincipal user, AnnualAssessment assessment, BulletinFiles files, CancellationToken ct)
    {
        var sheet = await assessment.ComputeAsync(user.ToActor(), year, ct);
        if (format is null or "json") return TypedResults.Ok(sheet);
        return Send(format, files, f => f.Excel(sheet), f => f.Pdf(sheet), ext => $"{year}年度综合考评表.{ext}").Result switch
        {
            FileContentHttpResult file => file,
            ValidationProblem invalid => invalid,
            var problem => (ProblemHttpResult)problem,
        };
    }

    /// <summary>County office: <c>{year, month}</c> → a draft bulletin of that month (201).</summary>
    public static async Task<Created<BulletinView>> GenerateAsync(
        GenerateBulletin command, [FromHeader(Name = IdempotencyKeys.Header)] string? idempotencyKey, ClaimsPrincipal user, BulletinOffice office, CancellationToken ct)
    {
        var bulletin = await office.GenerateAsync(command, user.ToActor(), IdempotencyKeys.Normalise(idempotencyKey), ct);
        return TypedResults.Created($"/api/bulletins/{bulletin.Id}", bulletin);
    }

    /// <summary>County office: <c>{foreword, conclusions}</c> of a draft (409 once approved).</summary>
    public static async Task<Ok<BulletinView>> EditAsync(
        Guid id, EditBulletin command, [FromHeader(Name = IdempotencyKeys.Header)] string? idempotencyKey, ClaimsPrincipal user, BulletinOffice office, CancellationToken ct) =>
        TypedResults.Ok(await office.EditAsync(id, command, user.ToActor(), IdempotencyKeys.Normalise(idempotencyKey), ct));

    public static async Task<Ok<BulletinView>> ApproveAsync(
        Guid id, [FromHeader(Name = IdempotencyKeys.Header)] string? idempotencyKey, ClaimsPrincipal user, BulletinOffice office, CancellationToken ct) =>
        TypedResults.Ok(await office.ApproveAsync(id, user.ToActor(), IdempotencyKeys.Normalise(idempotencyKey), ct));

    /// <summary>County office: an approved bulletin gets the year's next number and goes to every township (409 for a draft).</summary>
    public static async Task<Ok<BulletinView>> PublishAsync(
        Guid id, [FromHeader(Name = IdempotencyKeys.Header)] string? idempotencyKey, ClaimsPrincipal user, BulletinOffice office, CancellationToken ct) =>
        TypedResults.Ok(await office.PublishAsync(id, user.ToActor(), IdempotencyKeys.Normalise(idempotencyKey), ct));

    private static Results<FileContentHttpResult, ValidationProblem, ProblemHttpResult> Send(
        string? format, BulletinFiles files, Func<BulletinFiles, byte[]> excel, Func<BulletinFiles, byte[]> pdf, Func<string, string> name)
    {
        switch (format)
        {
            case "xlsx":
                return TypedResults.File(excel(files), BulletinFiles.ExcelType, name("xlsx"));
            case "pdf" when !files.CanWritePdf:
                return TypedResults.Problem(files.MissingFontProblem, statusCode: StatusCodes.Status503ServiceUnavailable, title: "暂不可用");
            case "pdf":
                return TypedResults.File(pdf(files), BulletinFiles.PdfType, name("pdf"));
            default:
                return Errors.Problems.Invalid(new Dictionary<string, string[]> { ["format"] = ["格式须为 xlsx 或 pdf。"] });
        }
    }
}
