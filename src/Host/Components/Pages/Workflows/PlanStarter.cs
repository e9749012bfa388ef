using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Shizhu.Host.Components.Services;
using Shizhu.Workflows.Persistence;
using Shizhu.Workflows.Runtime;
using Shizhu.Workflows.Runtime.Commands;
using Shizhu.Workflows.Runtime.Model;

namespace Shizhu.Host.Components.Pages.Workflows;

/// <summary>
/// 按行事历全部启动: starts the plan's (行事历) workflows that have none yet (running, suspended or done), one command each.
/// </summary>
public static class PlanStarter
{
    public sealed record Outcome(int Started, int Skipped, IReadOnlyList<string> Errors);

    public static async Task<Outcome> StartAllAsync(EngineGateway engine, ClaimsPrincipal user, CancellationToken ct)
    {
        var (pending, skipped) = await engine.RunAsync(async sp =>
        {
            var db = sp.GetRequiredService<WorkflowDbContext>();
            var entries = await db.PlanEntries.AsNoTracking()
                .OrderBy(p => p.StartYear).ThenBy(p => p.TownshipCode).ToListAsync(ct);
            var existing = await db.Workflows.AsNoTracking()
                .Where(w => w.Status != WorkflowStatus.Cancelled)
                .Select(w => new { w.TownshipCode, w.Track }).ToListAsync(ct);
            var taken = existing.Select(w => (w.TownshipCode, w.Track)).ToHashSet();
            var todo = entries.Where(p => !taken.Contains((p.TownshipCode, p.Track))).ToList();
            return (todo, entries.Count - todo.Count);
        });

        var started = 0;
        var errors = new List<string>();
        foreach (var entry in pending)
        {
            try
            {
                await engine.StartWorkflowAsync(user, new StartWorkflow(entry.TownshipCode, entry.Track, entry.StartYear, entry.TargetYear), ct);
                started++;
            }
            catch (WorkflowException ex) when (ex.Kind == WorkflowErrorKind.Conflict)
            {
                skipped++; // started by someone else meanwhile
            }
            catch (WorkflowException ex)
            {
                errors.Add(ex.Message);
            }
        }
        return new Outcome(started, skipped, errors);
    }
}
