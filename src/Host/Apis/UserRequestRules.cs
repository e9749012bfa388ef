using Shizhu.Workflows.Access;

namespace Shizhu.Host.Apis;

/// <summary>
/// What a new user's fields must say, before anything is looked up: who they are, their roles, and where they
/// belong — a township for township roles, a department for county-department staff, neither for county-wide roles.
/// </summary>
internal static class UserRequestRules
{
    public static Dictionary<string, string[]> Check(UsersApi.CreateUserRequest request)
    {
        var errors = new Dictionary<string, string[]>();
        var roles = request.Roles ?? [];
        if (string.IsNullOrWhiteSpace(request.UserName)) errors["userName"] = ["请输入用户名。"];
        if (string.IsNullOrEmpty(request.Password)) errors["password"] = ["请输入密码。"];
        if (string.IsNullOrWhiteSpace(request.DisplayName)) errors["displayName"] = ["请输入姓名。"];
        if (roles.Length == 0) errors["roles"] = ["请至少选择一个角色。"];
        else if (roles.FirstOrDefault(r => !Roles.All.Contains(r)) is { } unknown) errors["roles"] = [$"未知角色：{unknown}。"];

        var townshipRole = roles.Any(Roles.Township.Contains);
        var departmentRole = roles.Contains(Roles.CountyDepartment);
        // A department's staff are confined to their department: any other role would widen or blur that boundary.
        if (departmentRole && roles.Distinct().Count() > 1)
            errors["roles"] = ["县级部门人员（county-department）不能同时授予其他角色。"];
        // County finance reads every township's subsidies: a township's user holding it would cross the township boundary.
        else if (townshipRole && roles.Any(r => Roles.CountyWide.Contains(r) || r == Roles.CountyFinance))
            errors["roles"] = ["乡镇角色不能与县级角色同时授予。"];

        if (townshipRole && string.IsNullOrWhiteSpace(request.TownshipCode))
            errors["townshipCode"] = ["乡镇用户必须指定所属乡镇。"];
        else if (!townshipRole && request.TownshipCode is not null)
            errors["townshipCode"] = ["县级用户不属于某个乡镇。"];

        if (departmentRole && string.IsNullOrWhiteSpace(request.DepartmentCode))
            errors["departmentCode"] = ["县级部门人员必须指定所属部门（departmentCode）。"];
        else if (!departmentRole && request.DepartmentCode is not null)
            errors["departmentCode"] = ["只有县级部门人员（county-department）属于某个部门，其他用户不能指定部门。"];
        return errors;
    }
}
