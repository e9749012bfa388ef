using System.Text.Json;

namespace Shizhu.Workflows.Bulletins;

/// <summary>A bulletin as the API and the pages show it.</summary>
public sealed record BulletinView(
    Guid Id, int PeriodYear, int PeriodMonth, bool Scheduled, string Status, string StatusName, string Title,
    string? Foreword, string? Conclusions, string? Number, BulletinContent Content,
    DateTimeOffset CreatedAt, string CreatedBy, DateTimeOffset? EditedAt, string? EditedBy,
    DateTimeOffset? ApprovedAt, string? ApprovedBy, DateTimeOffset? PublishedAt, string? PublishedBy)
{
    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static BulletinView From(Bulletin b) => new(
        b.Id, b.PeriodYear, b.PeriodMonth, b.Scheduled, JsonNamingPolicy.CamelCase.ConvertName(b.Status.ToString()), BulletinText.StatusName(b.Status),
        b.Title, b.Foreword, b.Conclusions, b.Number, JsonSerializer.Deserialize<BulletinContent>(b.Content, Json)!,
        b.CreatedAt, b.CreatedBy, b.EditedAt, b.EditedBy, b.ApprovedAt, b.ApprovedBy, b.PublishedAt, b.PublishedBy);
}

/// <summary>A line of the archive (通报归档).</summary>
public sealed record BulletinSummary(
    Guid Id, int PeriodYear, int PeriodMonth, bool Scheduled, string Status, string StatusName, string Title, string? Number,
    DateTimeOffset CreatedAt, DateTimeOffset? PublishedAt);
