using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Shizhu.Workflows.Persistence.Postgres;
using Shizhu.Workflows.Persistence.Sqlite;

namespace Shizhu.Workflows.Persistence;

// Used by `dotnet ef migrations add` only; no database is contacted to build a migration.
internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteWorkflowDbContext>
{
    public SqliteWorkflowDbContext CreateDbContext(string[] args)
    {
        var builder = new DbContextOptionsBuilder<SqliteWorkflowDbContext>();
        builder.UseWorkflowSqlite("Data Source=design.db");
        return new(builder.Options);
    }
}

internal sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresWorkflowDbContext>
{
    public PostgresWorkflowDbContext CreateDbContext(string[] args)
    {
        var builder = new DbContextOptionsBuilder<PostgresWorkflowDbContext>();
        builder.UseWorkflowPostgres("Host=localhost");
        return new(builder.Options);
    }
}
