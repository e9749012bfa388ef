namespace Shizhu.Workflows.ReferenceData;

/// <summary>
/// What a start-up seeder last seeded: a fingerprint of what it would add (the shipped data and code, and the settings
/// that choose what it adds). A start whose fingerprint equals the stored one skips that seeder (ADR 0052).
/// </summary>
public sealed class SeedMark
{
    /// <summary>The reference data and built-in templates (<see cref="ReferenceDataSeeder"/>).</summary>
    public const string ReferenceData = "reference-data";

    /// <summary>The roles and the administrator's and demo accounts.</summary>
    public const string Accounts = "accounts";

    public required string Key { get; init; }
    public required string Fingerprint { get; set; }
    public required DateTimeOffset SeededAt { get; set; }
}
