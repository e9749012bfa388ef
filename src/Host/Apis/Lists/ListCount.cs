namespace Shizhu.Host.Apis.Lists;

/// <summary>
/// A badge's figure (ADR 0035): the rows counted up to <see cref="Cap"/>; <see cref="More"/> true when there are at
/// least that many, shown as "999+", so no count ever walks a whole county's rows.
/// </summary>
public sealed record ListCount(int Count, bool More, int Cap)
{
    /// <param name="counted">Rows counted with a bound of cap + 1, so exactly cap rows still read as no more.</param>
    public static ListCount Of(int counted, int cap) => new(Math.Min(counted, cap), counted > cap, cap);
}
