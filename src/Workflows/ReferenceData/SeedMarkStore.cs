using Microsoft.EntityFrameworkCore;
using Shizhu.Workflows.Persistence;

namespace Shizhu.Workflows.ReferenceData;

/// <summary>Reads and writes the <see cref="SeedMark"/>s that let a start skip seeding what is already there (ADR 0052).</summary>
public sealed class SeedMarkStore(WorkflowDbContext db, TimeProvider clock)
{
    /// <summary>
    /// Every stored mark, key to fingerprint. Read with one plain command rather than a LINQ query: this runs on every
    /// start, and compiling a query (translation and materializer) costs more than the round trip it makes.
    /// </summary>
    public async Task<IReadOnlyDictionary<string, string>> ReadAsync(CancellationToken ct)
    {
        var key = StoreNames.Column<SeedMark>(db.Model, nameof(SeedMark.Key));
        var fingerprint = StoreNames.Column<SeedMark>(db.Model, nameof(SeedMark.Fingerprint));

        var marks = new Dictionary<string, string>(StringComparer.Ordinal);
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            await using var command = db.Database.GetDbConnection().CreateCommand();
            command.CommandText = $"SELECT {key}, {fingerprint} FROM {StoreNames.Table<SeedMark>(db.Model)}";
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct)) marks[reader.GetString(0)] = reader.GetString(1);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
        return marks;
    }

    /// <summary>
    /// Records that <paramref name="key"/> was seeded with <paramref name="fingerprint"/>. A replica that seeded at the
    /// same moment may have written the same key first; its mark says the same, so that is success.
    /// </summary>
    public async Task WriteAsync(string key, string fingerprint, CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        var mark = await db.SeedMarks.FindAsync([key], ct);
        if (mark is null) db.SeedMarks.Add(new SeedMark { Key = key, Fingerprint = fingerprint, SeededAt = clock.GetUtcNow() });
        else
        {
            mark.Fingerprint = fingerprint;
            mark.SeededAt = clock.GetUtcNow();
        }
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException ex) when (UniqueViolation.Is(ex))
        {
            // Another replica recorded the mark first.
        }
        finally
        {
            db.ChangeTracker.Clear();
        }
    }
}
