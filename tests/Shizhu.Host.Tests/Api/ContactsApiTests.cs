using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Shizhu.Host.Tests.Infrastructure;
using Shizhu.Notifications.Audiences;
using Shizhu.Workflows.Access;

namespace Shizhu.Host.Tests.Api;

/// <summary>Issue 15, item 2: people's mobile number, WeCom and DingTalk user ids, edited by the county office or by themselves.</summary>
[Trait("Category", "Postgres")]
[Trait("Category", "Broker")]
public sealed class ContactsApiTests(HostFixture fixture) : IClassFixture<HostFixture>
{
    [Fact]
    public async Task TheCountyOfficeSetsAPersonsContactsAndTheRecipientDirectoryHandsThemToTheChannels()
    {
        var township = fixture.NextTownshipCode();
        var staff = $"contact-{township}";
        await fixture.CreateUserAsync(staff, Roles.TownshipStaff, township);
        using var admin = await fixture.LoginAsAdminAsync();

        using var response = await admin.PutAsJsonAsync($"/api/users/{staff}/contact",
            new { email = "tan@shizhu.example", mobile = " 13912345678 ", weComUserId = "TanXiaoMei", dingTalkUserId = "manager4521" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var saved = await admin.GetJsonAsync($"/api/users/{staff}/contact");
        Assert.Equal("13912345678", saved.Str("mobile"));
        Assert.Equal("TanXiaoMei", saved.Str("weComUserId"));
        using var scope = fixture.Services.CreateScope();
        var recipients = await scope.ServiceProvider.GetRequiredService<IRecipientDirectory>().FindAsync(Roles.TownshipStaff, township, null, default);
        var recipient = Assert.Single(recipients, r => r.UserName == staff);
        Assert.Equal(new Recipient(staff, staff, "tan@shizhu.example", "13912345678", "TanXiaoMei", "manager4521"), recipient);
    }

    [Theory]
    [InlineData("mobile", "1391234567")]
    [InlineData("mobile", "12912345678")]
    [InlineData("mobile", "+8613912345678")]
    [InlineData("email", "not-an-address")]
    [InlineData("weComUserId", "谭晓梅")]
    [InlineData("dingTalkUserId", "has space")]
    public async Task AnInvalidFieldIsRefusedWithAProblemNamingItInChinese(string field, string value)
    {
        var township = fixture.NextTownshipCode();
        var staff = $"contact-bad-{township}";
        await fixture.CreateUserAsync(staff, Roles.TownshipStaff, township);
        using var admin = await fixture.LoginAsAdminAsync();

        using var response = await admin.PutAsJsonAsync($"/api/users/{staff}/contact", new Dictionary<string, string> { [field] = value });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.ReadJsonAsync();
        var message = problem["errors"]![field]![0]!.GetValue<string>();
        Assert.Matches(@"\p{IsCJKUnifiedIdeographs}", message);
    }

    [Fact]
    public async Task APersonEditsTheirOwnContactsButNotSomeoneElses()
    {
        var township = fixture.NextTownshipCode();
        var staff = $"contact-own-{township}";
        var other = $"contact-other-{township}";
        await fixture.CreateUserAsync(staff, Roles.TownshipStaff, township);
        await fixture.CreateUserAsync(other, Roles.TownshipStaff, township);
        using var client = await fixture.LoginAsync(staff, HostFixture.UserPassword);

        using var own = await client.PutAsJsonAsync("/api/me/contact", new { mobile = "13800001234" });
        using var foreign = await client.PutAsJsonAsync($"/api/users/{other}/contact", new { mobile = "13800004321" });

        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        Assert.Equal("13800001234", (await client.GetJsonAsync("/api/me/contact")).Str("mobile"));
        Assert.Equal(HttpStatusCode.Forbidden, foreign.StatusCode);
    }

    [Fact]
    public async Task AnUnknownUserIsNotFound()
    {
        using var admin = await fixture.LoginAsAdminAsync();

        using var response = await admin.PutAsJsonAsync("/api/users/nobody-here/contact", new { mobile = "13912345678" });

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
