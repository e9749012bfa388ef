using Microsoft.EntityFrameworkCore;
using Shizhu.Workflows.Persistence;

namespace Shizhu.Host.Apis;

/// <summary>The county's townships and departments.</summary>
public static class ReferenceDataApi
{
    public sealed record TownshipDto(string Code, string Name, string Kind);
    public sealed record DepartmentDto(string Code, string Name);

    public static IEndpointRouteBuilder MapReferenceDataApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api").WithTags("Reference data");
        api.MapGet("/townships", async (WorkflowDbContext db, CancellationToken ct) => TypedResults.Ok(
            await db.Townships.AsNoTracking().OrderBy(t => t.Code).Select(t => new TownshipDto(t.Code, t.Name, t.Kind)).ToListAsync(ct)));
        api.MapGet("/departments", async (WorkflowDbContext db, CancellationToken ct) => TypedResults.Ok(
            await db.Departments.AsNoTracking().OrderBy(d => d.Code).Select(d => new DepartmentDto(d.Code, d.Name)).ToListAsync(ct)));
        return app;
    }
}
