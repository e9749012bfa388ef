using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Shizhu.Workflows.Persistence.Sqlite;

/// <summary>The embedded default: one SQLite file.</summary>
public sealed class SqliteWorkflowDbContext(DbContextOptions<SqliteWorkflowDbContext> options) : WorkflowDbContext(options)
{
    public override bool SupportsRowLocking => false;

    // SQLite cannot compare or order DateTimeOffset values; stored as ticks they sort correctly
    // because every instant the engine writes is UTC.
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder) =>
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<DateTimeOffsetToBinaryConverter>();
}
