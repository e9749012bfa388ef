using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using MiniExcelLibs;
using Shizhu.Host.Tests.Cockpit;
using Shizhu.Host.Tests.Infrastructure;
using Shizhu.Testing.Reference;
using Shizhu.Testing.Waiting;

namespace Shizhu.Host.Tests.Api;

/// <summary>
/// 督查通报 on PostgreSQL with the whole plan in May 2024: the states and who moves them, the numbers under concurrent
/// publication, the notification to the townships, the Excel and PDF files read back, the annual assessment sheet.
/// </summary>
[Trait("Category", "Postgres")]
[Trait("Category", "Broker")]
public sealed partial class BulletinsApiTests(HostFixture fixture) : IClassFixture<HostFixture>, IAsyncLifetime
{
    public Task InitializeAsync() => CockpitPlan.StartAndMoveClockAsync(fixture, CockpitPlan.In2024);

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task OnlyAnApprovedBulletinIsPublishedOnlyTheCountyOfficeApprovesAndTownshipsReadOnlyPublishedOnes()
    {
        using var admin = await fixture.LoginAsAdminAsync();
        using var leader = await fixture.LoginAsync("county-leader", HostFixture.UserPassword);
        using var township = await fixture.LoginAsync("shijia-leader", HostFixture.UserPassword);
        var id = (await GenerateAsync(admin, 2024, 4)).Str("id");

        using var byLeader = await leader.PostAsync($"/api/bulletins/{id}/approve", null);
        using var draftPublished = await admin.PostAsync($"/api/bulletins/{id}/publish", null);
        using var draftRead = await township.GetAsync($"/api/bulletins/{id}");
        var edited = await PutJsonAsync(admin, $"/api/bulletins/{id}", new { foreword = "四月，各乡镇按行事历推进创建工作。", conclusions = "逾期乡镇须于五月底前整改到位。" });
        var approved = await admin.PostJsonAsync($"/api/bulletins/{id}/approve", new { });
        using var editApproved = await admin.PutAsJsonAsync($"/api/bulletins/{id}", new { foreword = "改" });
        var published = await admin.PostJsonAsync($"/api/bulletins/{id}/publish", new { });
        using var again = await admin.PostAsync($"/api/bulletins/{id}/publish", null);

        Assert.Equal(HttpStatusCode.Forbidden, byLeader.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, draftPublished.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, draftRead.StatusCode);
        Assert.Equal(("draft", "四月，各乡镇按行事历推进创建工作。"), (edited.Str("status"), edited.Str("foreword")));
        Assert.Equal(("approved", "admin"), (approved.Str("status"), approved.Str("approvedBy")));
        Assert.Equal(HttpStatusCode.Conflict, editApproved.StatusCode);
        Assert.Equal("published", published.Str("status"));
        Assert.Matches(@"^石柱爱卫督〔2024〕\d+号$", published.Str("number"));
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Contains((await township.GetJsonAsync("/api/bulletins")).Items(), b => b.Str("id") == id && b.Str("number") == published.Str("number"));
        await Eventually.UntilAsync(async () => (await township.GetJsonAsync("/api/notifications")).Items().ToList(),
            list => list.Any(n => n.Str("title") == $"督查通报：{published.Str("number")}"), "the township leader's bulletin notification");
    }

    [Fact]
    public async Task ConcurrentPublicationsTakeEveryNumberOfTheYearOnceWithoutGaps()
    {
        using var admin = await fixture.LoginAsAdminAsync();
        var ids = new List<string>();
        for (var i = 0; i < 8; i++)
        {
            var id = (await GenerateAsync(admin, 2024, 3)).Str("id");
            await admin.PostJsonAsync($"/api/bulletins/{id}/approve", new { });
            ids.Add(id);
        }

        // Eight publishers at once, each with its own connection.
        var clients = await Task.WhenAll(ids.Select(_ => fixture.LoginAsAdminAsync()));
        var answers = await Task.WhenAll(ids.Select((id, i) => clients[i].PostJsonAsync($"/api/bulletins/{id}/publish", new { })));
        foreach (var client in clients) client.Dispose();

        var numbers = answers.Select(a => Sequence(a.Str("number"))).ToList();
        Assert.Equal(numbers.Count, numbers.Distinct().Count());
        var year = (await admin.GetJsonAsync("/api/bulletins?year=2024")).Items().Where(b => b.Str("status") == "published")
            .Select(b => Sequence(b.Str("number"))).Order().ToList();
        Assert.Equal(Enumerable.Range(1, year.Count), year);
    }

    [Fact]
    public async Task TheBulletinsExcelReadsBackAsTheBulletinSaysAndItsPdfRendersToAnImage()
    {
        using var admin = await fixture.LoginAsAdminAsync();
        var bulletin = await GenerateAsync(admin, 2024, 5);
        var id = bulletin.Str("id");
        await PutJsonAsync(admin, $"/api/bulletins/{id}", new { foreword = "五月，县爱卫办对各乡镇创建工作进行了督查。", conclusions = "请各乡镇对照逾期事项抓紧整改。" });

        var excel = await admin.GetByteArrayAsync($"/api/bulletins/{id}/file?format=xlsx");
        var pdf = await admin.GetByteArrayAsync($"/api/bulletins/{id}/file?format=pdf");
        using var unknown = await admin.GetAsync($"/api/bulletins/{id}/file?format=doc");

        var townships = bulletin["content"]!["townships"]!.Items().ToList();
        var rows = new MemoryStream(excel).Query(useHeaderRow: true, sheetName: "乡镇进度").Cast<IDictionary<string, object>>().ToList();
        Assert.Equal(townships.Select(t => t.Str("townshipName")), rows.Select(r => (string)r["乡镇"]));
        Assert.Equal(townships.Select(t => t["overdueTasks"]!.GetValue<int>().ToString(CultureInfo.InvariantCulture)), rows.Select(r => r["逾期任务"].ToString()));
        var overdue = new MemoryStream(excel).Query(useHeaderRow: true, sheetName: "逾期事项").Count();
        Assert.Equal(bulletin["content"]!["overdue"]!.AsArray().Count, overdue);
        Assert.Contains(new MemoryStream(excel).Query(useHeaderRow: true, sheetName: "通报").Cast<IDictionary<string, object>>(),
            r => (string)r["项目"] == "前言" && (string)r["内容"] == "五月，县爱卫办对各乡镇创建工作进行了督查。");

        Assert.Equal("%PDF-", System.Text.Encoding.ASCII.GetString(pdf, 0, 5));
        var png = await RenderedPdf.FirstPageAsync(pdf, "bulletin-pdf");
        Assert.True(png.Length > 10_000, $"the rendered page is {png.Length} bytes");
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.NotEmpty((await unknown.ReadProblemAsync()).Reasons("format"));
    }

    [Fact]
    public async Task TheAnnualAssessmentSheetCountsEachTownshipsDueTasksAndExportsTheSameLines()
    {
        using var admin = await fixture.LoginAsAdminAsync();
        using var staff = await fixture.LoginAsync("shijia-staff", HostFixture.UserPassword);

        var sheet = await admin.GetJsonAsync("/api/assessments/2022");
        var excel = await admin.GetByteArrayAsync("/api/assessments/2022?format=xlsx");
        var pdf = await admin.GetByteArrayAsync("/api/assessments/2022?format=pdf");
        using var refused = await staff.GetAsync("/api/assessments/2022");

        var lines = sheet["lines"]!.Items().ToList();
        // Nobody did any task: every township with a task due in 2022 was late with all of them.
        var shijia = lines.Single(l => l.Str("townshipCode") == TownshipCodes.Shijia);
        Assert.True(shijia["tasksDue"]!.GetValue<int>() > 0);
        Assert.Equal((0, "不合格"), (shijia["onTime"]!.GetValue<int>(), shijia.Str("result")));
        var rows = new MemoryStream(excel).Query(useHeaderRow: true, sheetName: "2022年度综合考评").Cast<IDictionary<string, object>>().ToList();
        Assert.Equal(lines.Select(l => (l.Str("townshipName"), l.Str("result"))), rows.Select(r => ((string)r["乡镇"], (string)r["考评结果"])));
        Assert.True((await RenderedPdf.FirstPageAsync(pdf, "assessment-pdf")).Length > 10_000);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
    }

    [Fact]
    public async Task TheMonthlyScheduleDraftsLastMonthsBulletinOnceByItself()
    {
        using var admin = await fixture.LoginAsAdminAsync();

        // The minutely job sees the clock in May 2024 and drafts April's bulletin.
        var april = await Eventually.UntilAsync(
            async () => (await admin.GetJsonAsync("/api/bulletins?year=2024")).Items()
                .Where(b => b["periodMonth"]!.GetValue<int>() == 4 && b["scheduled"]!.GetValue<bool>()).ToList(),
            list => list.Count > 0, "April 2024's scheduled bulletin", TimeSpan.FromSeconds(150));
        var bulletin = await admin.GetJsonAsync($"/api/bulletins/{april.Single().Str("id")}");

        Assert.Equal(("draft", "system", "2024年4月卫生乡镇创建工作督查通报"), (bulletin.Str("status"), bulletin.Str("createdBy"), bulletin.Str("title")));
        Assert.Equal("2024-04-30", bulletin["content"]!.Str("to"));
    }

    private static async Task<JsonNode> GenerateAsync(HttpClient admin, int year, int month)
    {
        using var response = await admin.PostAsJsonAsync("/api/bulletins", new { year, month });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return await response.ReadJsonAsync();
    }

    private static async Task<JsonNode> PutJsonAsync(HttpClient client, string url, object body)
    {
        using var response = await client.PutAsJsonAsync(url, body);
        response.EnsureSuccessStatusCode();
        return await response.ReadJsonAsync();
    }

    private static int Sequence(string number) => int.Parse(SequenceOf().Match(number).Groups[1].Value, CultureInfo.InvariantCulture);

    [GeneratedRegex(@"〕(\d+)号$")]
    private static partial Regex SequenceOf();
}
