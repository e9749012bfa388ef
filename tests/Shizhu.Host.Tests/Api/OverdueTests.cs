using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Shizhu.Host.Tests.Infrastructure;
using Shizhu.Notifications.Persistence;
using Shizhu.Workflows.Persistence;

namespace Shizhu.Host.Tests.Api;

[Trait("Category", "Postgres")]
[Trait("Category", "Broker")]
public sealed class OverdueTests(HostFixture fixture) : IClassFixture<HostFixture>
{
    /// <summary>Completes one of the two opening tasks, then moves simulated time past their due date.</summary>
    private async Task<(Scenario Scenario, string OverdueTaskId)> OneTaskPastDueAsync()
    {
        var scenario = await Scenario.StartAsync(fixture);
        using var staff = await fixture.LoginAsync(scenario.StaffUser, HostFixture.UserPassword);
        var inbox = (await staff.GetJsonAsync("/api/inbox")).Items().Where(i => i.Str("workflowId") == scenario.WorkflowId).ToList();
        await staff.CompleteWithEvidenceAsync(inbox[0].Str("id"), new { });

        using var admin = await fixture.LoginAsAdminAsync();
        await admin.PostJsonAsync("/api/admin/clock", new { to = $"{scenario.Year}-02-01T09:00:00+08:00" });
        return (scenario, inbox[1].Str("id"));
    }

    [Fact]
    public async Task MovingTheClockPastADueDateRaisesExactlyOneOverdueAlertAndOneFirstEscalationStepAndTheLeaderIsNotified()
    {
        var (scenario, overdueTaskId) = await OneTaskPastDueAsync();
        using var leader = await fixture.LoginAsync(scenario.LeaderUser, HostFixture.UserPassword);
        using var admin = await fixture.LoginAsAdminAsync();

        // A second sweep, later, fires nothing new.
        await admin.PostJsonAsync("/api/admin/clock", new { advanceDays = 1 });

        var alerts = (await leader.GetJsonAsync($"/api/alerts?townshipCode={scenario.TownshipCode}")).Items().ToList();
        var alert = Assert.Single(alerts, a => a.Str("kind") == "overdue");
        // The escalation chain's first step told the township leader; its county step (three working days on) is not due.
        Assert.Equal(overdueTaskId, Assert.Single(alerts, a => a.Str("kind") == "escalatedToTownship").Str("taskId"));
        Assert.Equal(2, alerts.Count);
        Assert.Equal(overdueTaskId, alert.Str("taskId"));
        Assert.Equal("overdue", alert.Str("kind"));
        var task = await leader.GetJsonAsync($"/api/tasks/{overdueTaskId}");
        Assert.True(task["overdue"]!.GetValue<bool>());

        var notifications = await Eventually.UntilAsync(
            async () => (await leader.GetJsonAsync("/api/notifications")).Items().ToList(),
            list => list.Any(n => n.Str("title").StartsWith("任务逾期", StringComparison.Ordinal)),
            "the leader's overdue notification");
        Assert.Single(notifications, n => n.Str("title") == "任务逾期：制定创建工作实施方案" || n.Str("title") == "任务逾期：组建创建工作领导小组");
    }

    [Fact]
    public async Task BothNotificationConsumersReceiveEveryEventOfTheWorkflow()
    {
        var (scenario, _) = await OneTaskPastDueAsync();
        List<Guid> eventIds;
        await using (var scope = fixture.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<WorkflowDbContext>();
            eventIds = await db.Outbox.Where(m => m.Payload.Contains(scenario.WorkflowId)).Select(m => m.EventId).ToListAsync();
        }
        Assert.Contains(eventIds, _ => true);

        var processed = await Eventually.UntilAsync(async () =>
        {
            await using var scope = fixture.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<NotificationDbContext>();
            return await db.ProcessedEvents.Where(p => eventIds.Contains(p.EventId)).Select(p => new { p.Consumer, p.EventId }).ToListAsync();
        }, rows => rows.Count >= eventIds.Count * 2, "both consumers to process every event");

        foreach (var consumer in new[] { "in-app", "email" })
            Assert.Equal(eventIds.Order(), processed.Where(p => p.Consumer == consumer).Select(p => p.EventId).Order());

        // The e-mail channel spoke real SMTP: the leader's overdue mail arrived at the listener.
        await Eventually.UntilAsync(
            () => Task.FromResult(fixture.Smtp.Messages.Any(m => m.To.Mailboxes.Any(b => b.Address == $"{scenario.LeaderUser}@test.local")
                                                                  && (m.Subject ?? "").Contains("逾期", StringComparison.Ordinal))),
            found => found, "the overdue e-mail to the township leader");
    }
}
