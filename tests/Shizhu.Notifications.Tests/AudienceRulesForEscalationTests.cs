using Shizhu.Notifications.Audiences;
using Shizhu.Notifications.Sending;
using Shizhu.Workflows.Access;
using Shizhu.Workflows.Events;

namespace Shizhu.Notifications.Tests;

/// <summary>Each step of the escalation chain (ADR 0037 addendum) tells exactly its own audience, no one else.</summary>
[Trait("Category", "Unit")]
public sealed class AudienceRulesForEscalationTests
{
    private static TaskAlertRaised Step(AlertKind kind) => new(
        Guid.NewGuid(), new DateTimeOffset(2022, 2, 9, 16, 0, 0, TimeSpan.Zero), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(),
        "shijia", "石家乡", "publicity", "成立创建工作领导小组", Roles.TownshipStaff, kind);

    [Theory]
    [InlineData(AlertKind.EscalatedToTownship, Roles.TownshipLeader, "shijia", "乡镇主要领导")]
    [InlineData(AlertKind.EscalatedToCounty, Roles.CountyLeader, null, "县领导")]
    [InlineData(AlertKind.EscalatedToOffice, Roles.CountySupervisor, null, "县政府督查办")]
    public void AnEscalationStepTellsOnlyItsOwnAudience(AlertKind kind, string role, string? township, string named)
    {
        var message = AudienceRules.For(Step(kind));

        Assert.Equal([new Audience(role, township)], message.Audiences);
        Assert.Equal(MessageKind.Escalation, message.Kind);
        Assert.Equal("逾期升级督办：成立创建工作领导小组", message.Title);
        Assert.Contains($"报{named}", message.Body);
    }
}
