using Microsoft.Extensions.DependencyInjection;
using Shizhu.Workflows.Calendar;
using Shizhu.Workflows.Persistence;
using Shizhu.Workflows.Runtime.Model;

namespace Shizhu.Host.Tests.Infrastructure;

/// <summary>
/// What a workflow's <c>recordSubsidy</c> writes when the municipal hidden inspection is passed, written directly into the
/// Host's database, due today: the ledger's tests are about its rules and pages, not about driving a workflow through a
/// year of checks over HTTP (the engine suite covers the action itself).
/// </summary>
public static class SubsidyRows
{
    public static async Task<(Guid Id, DateOnly DueOn)> RecordFirstInstalmentAsync(HostFixture fixture, Scenario scenario, decimal amount = 400_000m)
    {
        await using var scope = fixture.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<WorkflowDbContext>();
        var now = scope.ServiceProvider.GetRequiredService<TimeProvider>().GetUtcNow();
        var instalment = new SubsidyInstalment
        {
            Id = Guid.CreateVersion7(), WorkflowId = Guid.Parse(scenario.WorkflowId), TownshipCode = scenario.TownshipCode, Instalment = 1,
            Amount = amount, RecordedAt = now, Milestone = "通过市级暗访", DueOn = ChinaTime.Today(now),
        };
        db.SubsidyInstalments.Add(instalment);
        await db.SaveChangesAsync();
        return (instalment.Id, instalment.DueOn);
    }
}
