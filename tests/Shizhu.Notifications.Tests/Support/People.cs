using Shizhu.Workflows.Access;

namespace Shizhu.Notifications.Tests.Support;

/// <summary>Readers of the in-app list, as the Host would describe them from a sign-in.</summary>
public static class People
{
    public static NotificationRecipient Holding(string role, string? townshipCode, string userName = "someone") =>
        new(userName, new HashSet<string> { role }, townshipCode);

    public static readonly NotificationRecipient ZhongyiStaff = Holding(Roles.TownshipStaff, SampleEvents.Zhongyi, "zhongyi.staff");
    public static readonly NotificationRecipient ZhongyiLeader = Holding(Roles.TownshipLeader, SampleEvents.Zhongyi, "zhongyi.leader");
    public static readonly NotificationRecipient QiaotouStaff = Holding(Roles.TownshipStaff, SampleEvents.Qiaotou, "qiaotou.staff");
    public static readonly NotificationRecipient QiaotouLeader = Holding(Roles.TownshipLeader, SampleEvents.Qiaotou, "qiaotou.leader");
    public static readonly NotificationRecipient CountyLeader = Holding(Roles.CountyLeader, null, "county.leader");
    public static readonly NotificationRecipient CountyAdmin = Holding(Roles.CountyAdmin, null, "county.admin");
}
