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
    /// <summary>
    /// The county government's supervision office (县政府督查办): reads every township, urges (催办) and issues bulletins;
    /// holds no task role, so it can never claim or complete township work (ADR 0037).
    /// </summary>
    public const string CountySupervisor = "county-supervisor";

    public static readonly IReadOnlyList<string> All = [CountyAdmin, CountyLeader, TownshipLeader, TownshipStaff, TemplateAdmin, CountyDepartment, CountyFinance, CountySupervisor];

    /// <summary>Roles that see every township; everyone else is confined to their own township or department.</summary>
    public static readonly IReadOnlyList<string> CountyWide = [CountyAdmin, CountyLeader, TemplateAdmin, CountySupervisor];

    /// <summary>Roles whose holders belong to one township.</summary>
    public static readonly IReadOnlyList<string> Township = [TownshipLeader, TownshipStaff];
}
