namespace Shizhu.Testing.Http;

/// <summary>The accounts a test Host seeds (Seed:AdminUser / Seed:AdminPassword, Seed:DemoPassword) and the password of users tests create.</summary>
public static class TestUsers
{
    public const string AdminUser = "admin";
    // Not containing the user name: the password policy refuses that (ADR 0022).
    public const string AdminPassword = "County@Test2022";
    /// <summary>The demo accounts' password and the one tests give the users they create.</summary>
    public const string UserPassword = "User@Test2022";
}
