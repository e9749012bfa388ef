using Microsoft.EntityFrameworkCore;

namespace Shizhu.Workflows.Persistence.Postgres;

/// <summary>Production: PostgreSQL, tables in schema <c>workflows</c>.</summary>
public sealed class PostgresWorkflowDbContext(DbContextOptions<PostgresWorkflowDbContext> options) : WorkflowDbContext(options)
{
    public const string Schema = "workflows";

    public override bool SupportsRowLocking => true;

    /// <summary>The stages and tokens the last <see cref="TaskStateBatch"/> read left untracked, until the write takes them.</summary>
    internal UntrackedChildren? UntrackedChildren { get; set; }

    // A pooled context goes back to the pool here: it must not keep the last read's rows alive until its next lease.
    public override void Dispose()
    {
        UntrackedChildren = null;
        base.Dispose();
    }

    public override ValueTask DisposeAsync()
    {
        UntrackedChildren = null;
        return base.DisposeAsync();
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.HasDefaultSchema(Schema);
        base.OnModelCreating(modelBuilder);
    }
}
