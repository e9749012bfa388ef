namespace Shizhu.Host.Identity;

/// <summary>Claim types of our own, the same in cookies and bearer tokens.</summary>
public static class ShizhuClaims
{
    public const string TownshipCode = "township_code";
    public const string DepartmentCode = "department_code";
    public const string DisplayName = "display_name";
}
