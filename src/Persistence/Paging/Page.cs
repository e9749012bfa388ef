namespace Shizhu.Persistence.Paging;

/// <summary>
/// One page of a list (ADR 0035): the rows, and the opaque cursor that continues after the last of them
/// (null on the last page). Every list endpoint answers this shape.
/// </summary>
public sealed record Page<T>(IReadOnlyList<T> Items, string? NextCursor)
{
    /// <summary>
    /// Cuts a read of <c>limit + 1</c> rows into the page and its cursor: the extra row only tells that there is more,
    /// so the last page never ends with a cursor that answers nothing.
    /// </summary>
    public static Page<T> From<TRow>(IReadOnlyList<TRow> rows, int limit, Func<TRow, T> view, Func<TRow, string> cursorOf)
    {
        var items = rows.Take(limit).Select(view).ToList();
        return new Page<T>(items, rows.Count > limit ? cursorOf(rows[limit - 1]) : null);
    }
}
