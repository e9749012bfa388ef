using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Shizhu.Workflows.Runtime.Idempotency;

/// <summary>
/// What the idempotency pipeline knows of one command request: the command's name, the resource it acts on, the
/// caller's <c>Idempotency-Key</c> (null: none sent) and a SHA-256 of the request body. Two requests with one key are
/// the same request only if all four agree. A value type, so a command sent without a key allocates nothing for it.
/// </summary>
public readonly record struct CommandRequest(string Command, Guid ResourceId, string? Key, string BodyHash)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>
    /// The request of <paramref name="command"/> on <paramref name="resourceId"/> with <paramref name="body"/> (the command's
    /// request record as the API received it; null for a command without a body). The body is hashed only when a key was sent.
    /// </summary>
    public static CommandRequest For<TBody>(string command, Guid resourceId, string? key, TBody? body) =>
        new(command, resourceId, IdempotencyLedger.Check(key), key is null ? "" : HashOf(body));

    /// <summary>The base64 SHA-256 of the body's JSON (web defaults: the API's own camelCase shape); of <c>null</c> without a body.</summary>
    public static string HashOf<TBody>(TBody? body) => Convert.ToBase64String(SHA256.HashData(JsonSerializer.SerializeToUtf8Bytes(body, Json)));

    /// <summary>
    /// A resource named by text rather than by an id (a calendar year, a template key): the first 16 bytes of its
    /// SHA-256, so the record's resource column keeps one type.
    /// </summary>
    public static Guid ResourceOf(string name) => new(SHA256.HashData(Encoding.UTF8.GetBytes(name)).AsSpan(0, 16));
}
