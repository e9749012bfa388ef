namespace Shizhu.Host.Apis;

/// <summary>
/// The <c>Idempotency-Key</c> request header every command endpoint accepts, optionally (ADR 0024): a repeat of the
/// same request (command, resource and body) answers the first answer again; the engine refuses the key reused for a
/// different request with 422 naming this header.
/// </summary>
public static class IdempotencyKeys
{
    public const string Header = "Idempotency-Key";

    public static string? Normalise(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
