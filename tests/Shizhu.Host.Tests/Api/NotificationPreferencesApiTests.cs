using System.Net;
using System.Net.Http.Json;
using Shizhu.Host.Tests.Infrastructure;

namespace Shizhu.Host.Tests.Api;

/// <summary>通知设置 over HTTP: each person reads and changes their own channels per kind, within the county's rules.</summary>
[Trait("Category", "Postgres")]
[Trait("Category", "Broker")]
public sealed class NotificationPreferencesApiTests(HostFixture fixture) : IClassFixture<HostFixture>
{
    [Fact]
    public async Task APersonTurnsOffOverdueMailAndReadsTheChoiceBack()
    {
        using var staff = await NewStaffAsync();

        var before = await staff.GetJsonAsync("/api/me/notification-preferences");
        var inApp = Choice(before, "overdue", "in-app");
        Assert.Equal((true, false), (inApp["enabled"]!.GetValue<bool>(), inApp["editable"]!.GetValue<bool>()));
        Assert.True(Choice(before, "overdue", "email")["enabled"]!.GetValue<bool>());
        Assert.Equal("逾期通知", before.Items().Single(k => k.Str("kind") == "overdue").Str("kindName"));

        using var put = await staff.PutAsJsonAsync("/api/me/notification-preferences", new[] { new { kind = "overdue", channel = "email", enabled = false } });
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);

        var after = await staff.GetJsonAsync("/api/me/notification-preferences");
        Assert.False(Choice(after, "overdue", "email")["enabled"]!.GetValue<bool>());
        Assert.True(Choice(after, "reminder", "email")["enabled"]!.GetValue<bool>());
        Assert.True(Choice(after, "overdue", "in-app")["enabled"]!.GetValue<bool>());
    }

    [Theory]
    [InlineData("overdue", "in-app", "[0].channel", "站内通知始终开启，不能关闭。")]
    [InlineData("weather", "email", "[0].kind", "未知的消息类型“weather”。")]
    [InlineData("overdue", "pigeon", "[0].channel", "未知的渠道“pigeon”。")]
    public async Task AChoiceThatCannotBeMadeIsRefusedNamingTheChangeAndItsReason(string kind, string channel, string field, string reason)
    {
        using var staff = await NewStaffAsync();

        using var response = await staff.PutAsJsonAsync("/api/me/notification-preferences", new[] { new { kind, channel, enabled = false } });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(reason, (await response.ReadJsonAsync())["errors"]![field]![0]!.GetValue<string>());
    }

    private async Task<HttpClient> NewStaffAsync()
    {
        var user = $"pref-{Guid.NewGuid():N}"[..12];
        await fixture.CreateUserAsync(user, "township-staff", fixture.NextTownshipCode());
        return await fixture.LoginAsync(user, HostFixture.UserPassword);
    }

    private static System.Text.Json.Nodes.JsonNode Choice(System.Text.Json.Nodes.JsonNode grid, string kind, string channel) =>
        grid.Items().Single(k => k.Str("kind") == kind)["channels"]!.Items().Single(c => c.Str("channel") == channel);
}
