using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace Shizhu.Host.Identity;

/// <summary>
/// Users, roles and the data-protection keys (shared by every Host replica, so a cookie issued by one
/// replica is read by the others). One subclass per provider, each with its own migrations.
/// </summary>
public abstract class AppIdentityDbContext(DbContextOptions options)
    : IdentityDbContext<AppUser, IdentityRole, string>(options), IDataProtectionKeyContext
{
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.Entity<AppUser>(b =>
        {
            b.Property(u => u.DisplayName).HasMaxLength(100);
            b.Property(u => u.TownshipCode).HasMaxLength(12);
            b.HasIndex(u => u.TownshipCode);
            b.Property(u => u.DepartmentCode).HasMaxLength(40);
            b.Property(u => u.WeComUserId).HasMaxLength(ContactRules.MaxUserIdLength);
            b.Property(u => u.DingTalkUserId).HasMaxLength(ContactRules.MaxUserIdLength);
        });
    }
}

public sealed class SqliteIdentityDbContext(DbContextOptions<SqliteIdentityDbContext> options) : AppIdentityDbContext(options);

public sealed class PostgresIdentityDbContext(DbContextOptions<PostgresIdentityDbContext> options) : AppIdentityDbContext(options)
{
    public const string Schema = "identity";

    protected override void OnModelCreating(ModelBuilder builder)
    {
        builder.HasDefaultSchema(Schema);
        base.OnModelCreating(builder);
    }
}
