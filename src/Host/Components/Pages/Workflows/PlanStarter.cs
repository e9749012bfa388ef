using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Shizhu.Host.Components.Services;
using Shizhu.Host.Identity;
using Shizhu.Workflows.Persistence;
using Shizhu.Workflows.Plans;

namespace Shizhu.Host.Components.Pages.Workflows;

/// <summary>
/// 按行事历全部启动: hands the seeded plan (行事历) to the engine's <see cref="PlanImporter"/>, the same import the
/// HTTP API offers, which starts what is not yet under way and answers the rest as existing.
/// </summary>
public static class PlanStarter
{
    public sealed record Outcome(int Started, int Skipped, IReadOnlyList<string> Errors);

    public static Task<Outcome> StartAllAsync(EngineGateway engine, ClaimsPrincipal user, CancellationToken ct) =>
        engine.RunAsync(async services =>
        {
            var entries = await services.GetRequiredService<WorkflowDbContext>().PlanEntries.AsNoTracking()
                .OrderBy(p => p.StartYear).ThenBy(p => p.TownshipCode)
                .Select(p => new ImportPlanEntry(p.TownshipCode, p.Track, p.StartYear, p.TargetYear)).ToListAsync(ct);
            var result = await services.GetRequiredService<PlanImporter>()
                .ImportAsync(new ImportPlan(entries), user.ToActor(), idempotencyKey: null, ct);
            return new Outcome(result.Started, result.Existing,
                [.. result.Entries.Where(e => e.Problem is not null).Select(e => e.Problem!)]);
        });
}
