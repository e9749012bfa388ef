namespace Shizhu.Persistence.Paging;

/// <summary>A list parameter that cannot be honoured (a tampered or foreign cursor); the Host answers 400 naming <see cref="Field"/>.</summary>
public sealed class PagingException(string field, string message) : Exception(message)
{
    public string Field { get; } = field;
}
