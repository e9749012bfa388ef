using Shizhu.Notifications.Audiences;
using Shizhu.Notifications.Sending;
using Shizhu.Workflows.Access;
using Shizhu.Workflows.Events;

namespace Shizhu.Notifications.Tests;

/// <summary>Who hears of a published supervision bulletin (ADR 0040): every township's leaders and staff, and the county leaders.</summary>
[Trait("Category", "Unit")]
public sealed class AudienceRulesForBulletinsTests
{
    [Fact]
    public void APublishedBulletinGoesToEveryTownshipAndTheCountyLeadersByItsNumber()
    {
        var message = AudienceRules.For(new BulletinPublished(Guid.NewGuid(), new DateTimeOffset(2024, 6, 3, 2, 0, 0, TimeSpan.Zero), Guid.NewGuid(),
            "石柱爱卫督〔2024〕5号", "2024年5月卫生乡镇创建工作督查通报", "admin", "县爱卫办管理员"));

        Assert.Equal([new Audience(Roles.TownshipLeader, null), new Audience(Roles.TownshipStaff, null), new Audience(Roles.CountyLeader, null)], message.Audiences);
        Assert.Equal(("督查通报：石柱爱卫督〔2024〕5号", MessageKind.Bulletin, null), (message.Title, message.Kind, message.WorkflowId));
        Assert.Contains("2024年5月卫生乡镇创建工作督查通报（石柱爱卫督〔2024〕5号）", message.Body, StringComparison.Ordinal);
    }
}
