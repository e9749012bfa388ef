using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Shizhu.Host.Identity;

// Used by `dotnet ef migrations add` only.
internal sealed class SqliteIdentityDesignTimeFactory : IDesignTimeDbContextFactory<SqliteIdentityDbContext>
{
    public SqliteIdentityDbContext CreateDbContext(string[] args)
    {
        var builder = new DbContextOptionsBuilder<SqliteIdentityDbContext>();
        builder.UseIdentitySqlite("Data Source=design.db");
        return new(builder.Options);
    }
}

internal sealed class PostgresIdentityDesignTimeFactory : IDesignTimeDbContextFactory<PostgresIdentityDbContext>
{
    public PostgresIdentityDbContext CreateDbContext(string[] args)
    {
        var builder = new DbContextOptionsBuilder<PostgresIdentityDbContext>();
        builder.UseIdentityPostgres("Host=localhost");
        return new(builder.Options);
    }
}

/// <summary>How the identity contexts use each provider: the Host, design time and the compiled-model test (ADR 0049).</summary>
public static class IdentityProviderOptions
{
    public static DbContextOptionsBuilder UseIdentitySqlite(this DbContextOptionsBuilder builder, string connectionString) =>
        builder.UseSqlite(connectionString, o => o.MigrationsHistoryTable("__ef_migrations_history_identity")).UseSnakeCaseNamingConvention();

    public static DbContextOptionsBuilder UseIdentityPostgres(this DbContextOptionsBuilder builder, string connectionString) =>
        builder.UseNpgsql(connectionString, o => o.MigrationsHistoryTable("__ef_migrations_history", PostgresIdentityDbContext.Schema))
            .UseSnakeCaseNamingConvention();
}
