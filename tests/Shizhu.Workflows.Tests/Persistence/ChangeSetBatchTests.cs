using Microsoft.EntityFrameworkCore;
using Shizhu.Workflows.Persistence;
using Shizhu.Workflows.Journal;
using Shizhu.Workflows.Outbox;
using Shizhu.Workflows.Persistence.Postgres;
using Shizhu.Workflows.Runtime.Model;
using Shizhu.Workflows.Tests.Infrastructure;
using Shizhu.Workflows.Tests.Infrastructure.Databases;

namespace Shizhu.Workflows.Tests.Persistence;

/// <summary>
/// On PostgreSQL an engine command writes its changes in one batch that PostgreSQL runs as one implicit transaction,
/// with the optimistic-concurrency check on the server (ADR 0016). What a user relies on: every insert, update and
/// delete lands as EF Core reads it back, journal rows keep their order, and a lost race or a broken constraint
/// writes nothing at all — not the journal row, not the event — and surfaces as EF Core's own exception, which the
/// engine retries or answers with a conflict.
/// PostgreSQL only: the batch is PostgreSQL's write path (its SQLite counterpart is EF Core's own SaveChanges).
/// </summary>
[Trait("Category", "Postgres")]
public sealed class ChangeSetBatchTests : IAsyncLifetime
{
    private EngineHarness _harness = null!;

    public async Task InitializeAsync() => _harness = await EngineHarness.CreateAsync(EngineDatabase.Postgres);

    public async Task DisposeAsync() => await _harness.DisposeAsync();

    [Fact]
    public async Task InsertsUpdatesAndDeletesLandAsWrittenAndJournalRowsKeepTheirOrder()
    {
        await InScenarioAsync(async workflowId =>
        {
            var token = new WorkflowToken { Id = Guid.CreateVersion7(), WorkflowId = workflowId, ElementId = "batch-test", CreatedAt = At(), ArrivedBy = null };
            int revision;
            List<long> journalIds;
            await using (var db = NewDb())
            {
                var workflow = await db.Workflows.SingleAsync(w => w.Id == workflowId);
                revision = workflow.Revision;
                workflow.Revision++;
                var journal = Enumerable.Range(1, 3).Select(i => Journal(workflowId, $"BatchTest{i}")).ToList();
                db.Journal.AddRange(journal);
                db.Tokens.Add(token);
                await ChangeSetBatch.SaveAsync(db, CancellationToken.None);

                journalIds = journal.Select(j => j.Id).ToList();
                Assert.All(journalIds, id => Assert.True(id > 0, "the database's identity value is set on the entity"));
                Assert.Equal(journalIds.Order(), journalIds);
                Assert.Empty(db.ChangeTracker.Entries());
            }

            await using (var db = NewDb())
            {
                Assert.Equal(revision + 1, (await db.Workflows.AsNoTracking().SingleAsync(w => w.Id == workflowId)).Revision);
                var rows = await db.Journal.AsNoTracking().Where(j => j.WorkflowId == workflowId && j.Detail.StartsWith("BatchTest")).OrderBy(j => j.Id).ToListAsync();
                Assert.Equal(["BatchTest1", "BatchTest2", "BatchTest3"], rows.Select(r => r.Detail));
                Assert.Equal(journalIds, rows.Select(r => r.Id));
                Assert.All(rows, r => Assert.Equal("""{"before":{},"after":{"test":true}}""", r.Change));
                var stored = await db.Tokens.SingleAsync(t => t.Id == token.Id);
                Assert.Equal((token.ElementId, token.State, token.CreatedAt), (stored.ElementId, stored.State, stored.CreatedAt));

                stored.State = TokenState.Incident;
                stored.ArrivedBy = "flow-x";
                await ChangeSetBatch.SaveAsync(db, CancellationToken.None);
            }

            await using (var db = NewDb())
            {
                var stored = await db.Tokens.SingleAsync(t => t.Id == token.Id);
                Assert.Equal((TokenState.Incident, "flow-x"), (stored.State, stored.ArrivedBy));
                db.Tokens.Remove(stored);
                await ChangeSetBatch.SaveAsync(db, CancellationToken.None);
                Assert.False(await db.Tokens.AsNoTracking().AnyAsync(t => t.Id == token.Id));
            }
        });
    }

    [Fact]
    public async Task ALostRaceWritesNothingAndSurfacesAsAConcurrencyException()
    {
        await InScenarioAsync(async workflowId =>
        {
            await using var loserDb = NewDb();
            var stale = await loserDb.Workflows.SingleAsync(w => w.Id == workflowId);

            await using (var db = NewDb())
            {
                (await db.Workflows.SingleAsync(w => w.Id == workflowId)).Revision++;
                await ChangeSetBatch.SaveAsync(db, CancellationToken.None);
            }

            var eventId = Guid.CreateVersion7();
            loserDb.Journal.Add(Journal(workflowId, "BatchTestLostRace"));
            loserDb.Outbox.Add(Outbox(eventId));
            stale.Revision++;
            await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => ChangeSetBatch.SaveAsync(loserDb, CancellationToken.None));

            await using var checkDb = NewDb();
            Assert.False(await checkDb.Journal.AnyAsync(j => j.WorkflowId == workflowId && j.Detail == "BatchTestLostRace"), "the journal row of the losing command was rolled back");
            Assert.False(await checkDb.Outbox.AnyAsync(m => m.EventId == eventId), "the event of the losing command was rolled back");
            Assert.Equal(stale.Revision, (await checkDb.Workflows.AsNoTracking().SingleAsync(w => w.Id == workflowId)).Revision);
        });
    }

    [Fact]
    public async Task DeletingARowSomeoneElseDeletedIsALostRace()
    {
        await InScenarioAsync(async workflowId =>
        {
            var token = new WorkflowToken { Id = Guid.CreateVersion7(), WorkflowId = workflowId, ElementId = "batch-test", CreatedAt = At() };
            await using (var db = NewDb())
            {
                db.Tokens.Add(token);
                await ChangeSetBatch.SaveAsync(db, CancellationToken.None);
            }
            await using var firstDb = NewDb();
            await using var secondDb = NewDb();
            firstDb.Tokens.Remove(await firstDb.Tokens.SingleAsync(t => t.Id == token.Id));
            secondDb.Tokens.Remove(await secondDb.Tokens.SingleAsync(t => t.Id == token.Id));
            secondDb.Journal.Add(Journal(workflowId, "BatchTestSecondDelete"));
            await ChangeSetBatch.SaveAsync(firstDb, CancellationToken.None);

            await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => ChangeSetBatch.SaveAsync(secondDb, CancellationToken.None));
            Assert.False(await firstDb.Journal.AnyAsync(j => j.WorkflowId == workflowId && j.Detail == "BatchTestSecondDelete"));
        });
    }

    [Fact]
    public async Task ABrokenUniqueIndexWritesNothingAndReadsAsAUniqueViolation()
    {
        await InScenarioAsync(async workflowId =>
        {
            var eventId = Guid.CreateVersion7();
            await using var db = NewDb();
            db.Journal.Add(Journal(workflowId, "BatchTestUnique"));
            db.Outbox.Add(Outbox(eventId));
            db.Outbox.Add(Outbox(eventId));

            var error = await Assert.ThrowsAsync<DbUpdateException>(() => ChangeSetBatch.SaveAsync(db, CancellationToken.None));
            Assert.IsNotType<DbUpdateConcurrencyException>(error);
            Assert.True(UniqueViolation.Is(error));
            await using var check = NewDb();
            Assert.False(await check.Journal.AnyAsync(j => j.WorkflowId == workflowId && j.Detail == "BatchTestUnique"));
            Assert.False(await check.Outbox.AnyAsync(m => m.EventId == eventId));
        });
    }

    /// <summary>Runs <paramref name="test"/> on a workflow of its own, in a harness (and database) of its own.</summary>
    private async Task InScenarioAsync(Func<Guid, Task> test)
    {
        var workflow = await _harness.StartAsync(TownshipCodes.Shijia);
        await test(workflow.Id);
    }

    private PostgresWorkflowDbContext NewDb() => Assert.IsType<PostgresWorkflowDbContext>(_harness.NewDbContext());

    private static DateTimeOffset At() => new(2026, 11, 28, 12, 0, 0, TimeSpan.Zero);

    private static JournalEntry Journal(Guid workflowId, string kind)
    {
        var entry = new JournalEntry { WorkflowId = workflowId, At = At(), Actor = "batch-test", Kind = JournalKind.ServiceTaskCompleted, Detail = kind };
        var record = new JournalRecord(entry);
        record.After["test"] = true;
        record.Seal();
        return entry;
    }

    private static OutboxMessage Outbox(Guid eventId) =>
        new() { EventId = eventId, Type = "BatchTest", Payload = "{}", OccurredAt = At(), PublishedAt = At() };
}
