namespace Shizhu.Workflows.Access;

/// <summary>The roles of the glossary, spelled the same in tokens, templates and the database.</summary>
public static class Roles
{
    public const string CountyAdmin = "county-admin";
    public const string CountyLeader = "county-leader";
    public const string TownshipLeader = "township-leader";
    public const string TownshipStaff = "township-staff";
    public const string TemplateAdmin = "template-admin";
    /// <summary>Staff of a county department (县级部门): the department's tasks, across townships.</summary>
    public const string CountyDepartment = "county-department";
    /// <summary>County finance (县财政): confirms that subsidy instalments were paid; reads the whole subsidy ledger.</summary>
    public const string CountyFinance = "county-finance";

    public static readonly IReadOnlyList<string> All = [CountyAdmin, CountyLeader, TownshipLeader, TownshipStaff, TemplateAdmin, CountyDepartment, CountyFinance];

    /// <summary>Roles that see every township; everyone else is confined to their own township or department.</summary>
    public static readonly IReadOnlyList<string> CountyWide = [CountyAdmin, CountyLeader, TemplateAdmin];

    /// <summary>Roles whose holders belong to one township.</summary>
    public static readonly IReadOnlyList<string> Township = [TownshipLeader, TownshipStaff];
}
