namespace Shizhu.Host.Apis;

/// <summary>
/// The <c>Idempotency-Key</c> request header every command endpoint accepts: the same key, command and resource
/// answer the first result again; the engine refuses a key reused for anything else.
/// </summary>
public static class IdempotencyKeys
{
    public const string Header = "Idempotency-Key";

    public static string? Normalise(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
