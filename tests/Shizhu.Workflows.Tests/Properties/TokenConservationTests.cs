using CsCheck;
using Microsoft.Extensions.DependencyInjection;
using Shizhu.Workflows.Runtime;
using Shizhu.Workflows.Runtime.Model;
using Shizhu.Workflows.Runtime.ServiceTasks;
using Shizhu.Workflows.Templates;
using Shizhu.Workflows.Tests.Infrastructure;

using Shizhu.Workflows.Tests.Infrastructure.Databases;
using Shizhu.Workflows.Runtime.Tasks;

namespace Shizhu.Workflows.Tests.Properties;

/// <summary>
/// Random interleavings of what can happen to a workflow (task completions with random allowed outcomes, clock
/// advances and timer firings, message deliveries awaited or not, incident retries) on the built-in municipal
/// template and on the small loop, boundary, message and failing service-task templates: after every step the
/// <see cref="TokenInvariants"/> hold, so no token or task is ever lost, duplicated or stranded.
/// </summary>
public abstract class TokenConservationTests(EngineDatabase database)
{
    private const int Iterations = 30;
    private const int MaxSteps = 150;

    /// <summary>Which template (0–3 the built-in municipal one), then each step's choice of move and its parameter.</summary>
    private static readonly Gen<(int Template, (int Move, int Parameter)[] Steps)> Scripts =
        Gen.Select(Gen.Int[0, 8], Gen.Select(Gen.Int[0, 1_000], Gen.Int[0, 1_000]).Array[1, MaxSteps]);

    [Fact]
    public Task RandomInterleavingsNeverLoseDuplicateOrStrandATokenOrATask() =>
        Scripts.SampleAsync(RunAsync, iter: Iterations,
            print: s => $"template {s.Item1}, {s.Item2.Length} steps: {string.Join(" ", s.Item2.Select(m => $"{m.Move}/{m.Parameter}"))}");

    private async Task RunAsync(int templateChoice, (int Move, int Parameter)[] steps)
    {
        // The flaky service task fails twice before it succeeds: its incidents have to be retried.
        await using var harness = await EngineHarness.CreateAsync(database, configure: s => s.AddSingleton<IServiceTaskAction>(new FlakyAction(failures: 2)));
        var (template, workflowId) = await StartAsync(harness, templateChoice);

        foreach (var (move, parameter) in steps)
        {
            var snapshot = await ProcessSnapshot.ReadAsync(harness, workflowId);
            TokenInvariants.AssertHold(snapshot, template);
            var moves = Moves(harness, snapshot, template);
            if (moves.Count == 0) break;
            await moves[move % moves.Count](parameter);
        }
        var last = await ProcessSnapshot.ReadAsync(harness, workflowId);
        TokenInvariants.AssertHold(last, template);

        if (templateChoice <= 3 && last.Workflow.Status == WorkflowStatus.Completed)
            Assert.Equal([1, 2], (await harness.SubsidiesAsync(workflowId)).Select(s => s.Instalment));
    }

    private static async Task<(TemplateDefinition, Guid)> StartAsync(EngineHarness harness, int choice)
    {
        if (choice <= 3) return (harness.BuiltInTemplate("municipal"), (await harness.StartAsync(TownshipCodes.Shijia)).Id);
        var template = choice switch
        {
            4 => ProcessTemplates.JoinInsideALoop(rounds: 3),
            5 => ProcessTemplates.BranchLoopingOnItself(),
            6 => ProcessTemplates.BoundaryTimers(),
            7 => ProcessTemplates.MessageWait(),
            _ => ProcessTemplates.ServiceStep(FlakyAction.ActionName),
        };
        return (template, (await harness.StartOnAsync(template)).Id);
    }

    /// <summary>Every move the world could make now; none once the workflow has completed.</summary>
    private static List<Func<int, Task>> Moves(EngineHarness harness, ProcessSnapshot snapshot, TemplateDefinition template)
    {
        if (snapshot.Workflow.Status != WorkflowStatus.Running) return [];
        var workflowId = snapshot.Workflow.Id;
        var moves = new List<Func<int, Task>>();
        foreach (var task in snapshot.OpenTasks)
        {
            var outcomes = template.Elements.Single(e => e.Id == task.ElementId).Outcomes ?? [];
            moves.Add(p => harness.CompleteWithEvidenceAsync(task.Id, TestActors.AbleToComplete(task),
                new CompleteTask(outcomes.Count == 0 ? null : outcomes[p % outcomes.Count], null, null)));
        }
        if (snapshot.PendingTimers.Count > 0)
        {
            var due = snapshot.PendingTimers.Min(t => t.DueAt);
            moves.Add(async _ =>
            {
                if (due > harness.Clock.GetUtcNow()) harness.Clock.SetUtcNow(due);
                Assert.True(await harness.FireDueAsync() > 0);
            });
        }
        moves.Add(async p =>
        {
            harness.Clock.Advance(TimeSpan.FromHours(1 + p % 240));
            await harness.FireDueAsync();
        });
        foreach (var message in template.Elements.Where(e => e.Type == ElementType.MessageEvent))
        {
            var awaited = snapshot.Tokens.Any(t => t.ElementId == message.Id && t.State == TokenState.Waiting);
            moves.Add(async p =>
            {
                var deliver = () => harness.DeliverAsync(workflowId, message.Message!, p % 3 == 0 ? """{"result":"failed"}""" : """{"result":"passed"}""");
                if (awaited) await deliver();
                else Assert.Equal(WorkflowErrorKind.Conflict, (await Assert.ThrowsAsync<WorkflowException>(deliver)).Kind);
            });
        }
        foreach (var incident in snapshot.OpenIncidents) moves.Add(_ => harness.RetryAsync(incident.Id));
        return moves;
    }
}

[Trait("Category", "Unit")]
public sealed class TokenConservationTestsOnSqlite() : TokenConservationTests(EngineDatabase.Sqlite);

[Trait("Category", "Postgres")]
public sealed class TokenConservationTestsOnPostgres() : TokenConservationTests(EngineDatabase.Postgres);
