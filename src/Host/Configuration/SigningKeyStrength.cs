namespace Shizhu.Host.Configuration;

/// <summary>
/// Judges an HMAC signing key: long enough, and not a run of a few characters that only looks long. A key from
/// <c>openssl rand -base64 48</c> has ~40 distinct characters and ~5.1 bits of Shannon entropy per character;
/// 32 copies of one letter have 1 and 0.
/// </summary>
public static class SigningKeyStrength
{
    public const int MinLength = 32;
    public const int MinDistinctCharacters = 12;
    public const double MinBitsPerCharacter = 3.5;

    /// <summary>The development key shipped in <c>appsettings.Development.json</c>: public, so never good for production.</summary>
    public const string DevelopmentKey = "embedded-demo-signing-key-not-for-production-use-0123456789";

    /// <summary>Why the key is too weak, or null when it is strong enough.</summary>
    public static string? Weakness(string? key)
    {
        if (string.IsNullOrEmpty(key)) return "is not set";
        if (key.Length < MinLength) return $"has {key.Length} characters; at least {MinLength} are needed";
        var distinct = key.Distinct().Count();
        if (distinct < MinDistinctCharacters)
            return $"has only {distinct} distinct characters; at least {MinDistinctCharacters} are needed";
        var bits = BitsPerCharacter(key);
        if (bits < MinBitsPerCharacter)
            return $"has {bits:0.00} bits of entropy per character; at least {MinBitsPerCharacter} are needed";
        return null;
    }

    /// <summary>Shannon entropy of the key's characters, in bits per character.</summary>
    public static double BitsPerCharacter(string key) =>
        -key.GroupBy(c => c).Select(g => (double)g.Count() / key.Length).Sum(p => p * Math.Log2(p));
}
