namespace Shizhu.Persistence.Paging;

/// <summary>
/// Where a page starts and how long it is: <see cref="Limit"/> rows (1–<see cref="MaxLimit"/>) after
/// <see cref="Cursor"/> (null: the first page), in the order named by <see cref="Sort"/> (one of the list's fixed sorts).
/// </summary>
public sealed record PageRequest(int Limit = PageRequest.DefaultLimit, string? Cursor = null, string? Sort = null)
{
    public const int DefaultLimit = 50;
    public const int MaxLimit = 200;

    public static PageRequest First(int limit = DefaultLimit, string? sort = null) => new(limit, null, sort);
}
