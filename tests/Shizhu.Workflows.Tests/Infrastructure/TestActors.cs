using Shizhu.Workflows.Access;
using Shizhu.Workflows.Runtime.Model;

namespace Shizhu.Workflows.Tests.Infrastructure;

public static class TestActors
{
    public static readonly Actor CountyAdmin = new("county-admin-wang", new HashSet<string> { Roles.CountyAdmin }, null);
    public static readonly Actor CountyLeader = new("county-leader-li", new HashSet<string> { Roles.CountyLeader }, null);
    public static readonly Actor ShijiaStaff = Staff(TownshipCodes.Shijia);
    public static readonly Actor ShijiaLeader = new("leader-" + TownshipCodes.Shijia, new HashSet<string> { Roles.TownshipLeader }, TownshipCodes.Shijia);
    public static readonly Actor JinlingStaff = Staff(TownshipCodes.Jinling);

    public static Actor Staff(string townshipCode) =>
        new("staff-" + townshipCode, new HashSet<string> { Roles.TownshipStaff }, townshipCode);

    /// <summary>A county department's staff member (县级部门).</summary>
    public static Actor DepartmentStaff(string departmentCode, string? userName = null) =>
        new(userName ?? "dept-" + departmentCode, new HashSet<string> { Roles.CountyDepartment }, null, departmentCode);

    /// <summary>
    /// Someone allowed to complete <paramref name="task"/>: the county office, the task's department's staff, or the
    /// township's own user of the task's role.
    /// </summary>
    public static Actor AbleToComplete(WorkflowTask task) => task.Scope switch
    {
        TaskScope.County => new Actor("county-" + task.Role, new HashSet<string> { task.Role }, null),
        TaskScope.Department => DepartmentStaff(task.DepartmentCode!),
        _ => new Actor(task.Role + "-" + task.TownshipCode, new HashSet<string> { task.Role }, task.TownshipCode),
    };
}
