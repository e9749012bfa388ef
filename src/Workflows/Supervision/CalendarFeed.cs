using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Shizhu.Workflows.Persistence;

namespace Shizhu.Workflows.Supervision;

/// <summary>
/// A person's secret iCalendar feed URL (ADR 0037). Only the SHA-256 of the token is stored: the URL is shown once,
/// when it is made, and a database dump does not give anyone's calendar away. Rotating replaces the hash, so the old
/// URL stops working at once.
/// </summary>
public sealed class CalendarFeed
{
    public required string UserName { get; init; }
    public required string TokenHash { get; set; }
    public required DateTimeOffset RotatedAt { get; set; }
}

/// <summary>Makes, rotates and resolves feed tokens.</summary>
public sealed class CalendarFeeds(WorkflowDbContext db, TimeProvider clock)
{
    /// <summary>A new token for the user (the old one, if any, stops working); answers the token itself, never stored.</summary>
    public async Task<string> RotateAsync(string userName, CancellationToken ct)
    {
        var token = Base64Url(RandomNumberGenerator.GetBytes(32));
        var feed = await db.Set<CalendarFeed>().SingleOrDefaultAsync(f => f.UserName == userName, ct);
        if (feed is null) db.Add(new CalendarFeed { UserName = userName, TokenHash = Hash(token), RotatedAt = clock.GetUtcNow() });
        else
        {
            feed.TokenHash = Hash(token);
            feed.RotatedAt = clock.GetUtcNow();
        }
        await db.SaveChangesAsync(ct);
        return token;
    }

    /// <summary>Whose feed the token opens, or null for an unknown (or rotated-away) token.</summary>
    public async Task<string?> UserOfAsync(string token, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(token) || token.Length > 100) return null;
        var hash = Hash(token);
        return await db.Set<CalendarFeed>().AsNoTracking().Where(f => f.TokenHash == hash).Select(f => f.UserName).SingleOrDefaultAsync(ct);
    }

    public Task<bool> ExistsAsync(string userName, CancellationToken ct) => db.Set<CalendarFeed>().AnyAsync(f => f.UserName == userName, ct);

    public static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}

internal sealed class CalendarFeedConfiguration : IEntityTypeConfiguration<CalendarFeed>
{
    public void Configure(EntityTypeBuilder<CalendarFeed> b)
    {
        b.ToTable("calendar_feeds");
        b.HasKey(f => f.UserName);
        b.Property(f => f.UserName).HasMaxLength(100);
        b.Property(f => f.TokenHash).HasMaxLength(64);
        b.HasIndex(f => f.TokenHash).IsUnique();
    }
}
