using Shizhu.Notifications.Audiences;
using Shizhu.Notifications.Tests.Support;
using Shizhu.Workflows.Access;
using static Shizhu.Notifications.Tests.Support.SampleEvents;

namespace Shizhu.Notifications.Tests;

/// <summary>A county department's task is told to that department's staff only.</summary>
[Trait("Category", "Unit")]
public sealed class DepartmentAudienceTests
{
    private static readonly NotificationRecipient Education =
        new("dept.education", new HashSet<string> { Roles.CountyDepartment }, null, "education");

    private static readonly NotificationRecipient Police =
        new("dept.police", new HashSet<string> { Roles.CountyDepartment }, null, "public-security");

    [Fact]
    public void ADepartmentsNewTaskAndItsDeadlineAreAddressedToThatDepartment()
    {
        Assert.Equal([new Audience(Roles.CountyDepartment, null, "education")],
            AudienceRules.For(TaskCreated(Roles.CountyDepartment) with { DepartmentCode = "education" }).Audiences);
        Assert.Contains(new Audience(Roles.CountyDepartment, null, "education"),
            AudienceRules.For(TaskOverdue(Roles.CountyDepartment) with { DepartmentCode = "education" }).Audiences);
    }

    [Fact]
    public async Task OnlyTheTasksDepartmentSeesItsNotification()
    {
        await using var host = await NotificationsTestHost.StartAsync();
        await host.PublishAndWaitAsync(TaskCreated(Roles.CountyDepartment) with { DepartmentCode = "education" });

        Assert.Single(await ListAsync(host, Education));
        Assert.Empty(await ListAsync(host, Police));
    }

    private static Task<IReadOnlyList<NotificationView>> ListAsync(NotificationsTestHost host, NotificationRecipient recipient) =>
        host.InScopeAsync<NotificationQueries, IReadOnlyList<NotificationView>>(q => q.ListAsync(recipient, CancellationToken.None));
}
