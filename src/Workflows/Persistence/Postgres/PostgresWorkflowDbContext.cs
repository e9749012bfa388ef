using Microsoft.EntityFrameworkCore;

namespace Shizhu.Workflows.Persistence.Postgres;

/// <summary>Production: PostgreSQL, tables in schema <c>workflows</c>.</summary>
public sealed class PostgresWorkflowDbContext(DbContextOptions<PostgresWorkflowDbContext> options) : WorkflowDbContext(options)
{
    public const string Schema = "workflows";

    public override bool SupportsRowLocking => true;

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.HasDefaultSchema(Schema);
        base.OnModelCreating(modelBuilder);
    }
}
