namespace Shizhu.Workflows.Access;

/// <summary>The five roles of the glossary, spelled the same in tokens, templates and the database.</summary>
public static class Roles
{
    public const string CountyAdmin = "county-admin";
    public const string CountyLeader = "county-leader";
    public const string TownshipLeader = "township-leader";
    public const string TownshipStaff = "township-staff";
    public const string TemplateAdmin = "template-admin";

    public static readonly IReadOnlyList<string> All = [CountyAdmin, CountyLeader, TownshipLeader, TownshipStaff, TemplateAdmin];

    /// <summary>Roles that see every township; everyone else is confined to their own.</summary>
    public static readonly IReadOnlyList<string> CountyWide = [CountyAdmin, CountyLeader, TemplateAdmin];
}
