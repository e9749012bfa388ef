namespace Shizhu.Workflows.Journal;

/// <summary>
/// Keeps a journal row's line within its column (2,000 characters): a 2,000-character comment once made the line
/// longer and the completion fail with a 500. The full comment stays on the task; the line quotes its start.
/// </summary>
public static class JournalText
{
    public const int MaxDetail = 2000;

    /// <summary>How much of a comment a completion's line quotes.</summary>
    public const int CommentInDetail = 300;

    public static string Clip(string text, int max) => text.Length <= max ? text : string.Concat(text.AsSpan(0, max - 1), "…");
}
