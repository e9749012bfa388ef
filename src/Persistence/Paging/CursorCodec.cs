using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Shizhu.Persistence.Paging;

/// <summary>
/// The opaque <c>cursor</c> of keyset paging (ADR 0035): the sort key of the last row of a page, bound to the list,
/// the sort and the filters it was made for. A cursor that was altered, truncated or is replayed with another sort or
/// other filters is refused as a bad <c>cursor</c> parameter (400) rather than answering a page that skips or doubles
/// rows. The check is a digest, not a secret: a cursor only says where to continue, and every query applies the
/// caller's township and department boundaries itself, so a forged position can never widen what anyone reads.
/// </summary>
public static class CursorCodec
{
    private const int DigestBytes = 8;
    private const int MaxCursorLength = 1024;

    /// <summary>Encodes <paramref name="values"/> (the last row's sort key, each as invariant text) for <paramref name="scope"/>.</summary>
    public static string Encode(string scope, params string?[] values)
    {
        var payload = JsonSerializer.SerializeToUtf8Bytes(values);
        var bytes = new byte[payload.Length + DigestBytes];
        payload.CopyTo(bytes, 0);
        Digest(scope, payload).CopyTo(bytes.AsSpan(payload.Length));
        return Base64Url.EncodeToString(bytes);
    }

    /// <summary>The sort key in <paramref name="cursor"/>; refuses one made for another scope or with another number of values.</summary>
    public static string?[] Decode(string cursor, string scope, int count)
    {
        if (cursor.Length > MaxCursorLength) throw Invalid();
        byte[] bytes;
        try
        {
            bytes = Base64Url.DecodeFromChars(cursor);
        }
        catch (FormatException)
        {
            throw Invalid();
        }
        if (bytes.Length <= DigestBytes) throw Invalid();
        var payload = bytes.AsSpan(0, bytes.Length - DigestBytes).ToArray();
        if (!CryptographicOperations.FixedTimeEquals(Digest(scope, payload), bytes.AsSpan(bytes.Length - DigestBytes)))
            throw Invalid();
        string?[]? values;
        try
        {
            values = JsonSerializer.Deserialize<string?[]>(payload);
        }
        catch (JsonException)
        {
            throw Invalid();
        }
        return values is { Length: var n } && n == count ? values : throw Invalid();
    }

    public static PagingException Invalid() =>
        new("cursor", "翻页游标（cursor）无效或与当前的排序、筛选条件不符，请从第一页重新加载。");

    private static byte[] Digest(string scope, byte[] payload)
    {
        var scopeBytes = Encoding.UTF8.GetBytes(scope);
        var all = new byte[scopeBytes.Length + 1 + payload.Length];
        scopeBytes.CopyTo(all, 0);
        payload.CopyTo(all, scopeBytes.Length + 1);
        return SHA256.HashData(all)[..DigestBytes];
    }
}
