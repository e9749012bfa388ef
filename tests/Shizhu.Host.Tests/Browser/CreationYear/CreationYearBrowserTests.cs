using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Shizhu.Host.Tests.Infrastructure;
using Shizhu.Host.Identity;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Shizhu.Host.Tests.Browser.CreationYear;

/// <summary>
/// Issue 12's "done when": one township walked through a whole municipal (重庆市卫生乡镇) creation year in Chromium
/// against the real Host on PostgreSQL, every person's work done in the UI — forms filled, evidence uploaded and
/// previewed by the county office, one task sent back (退回) and redone, a 转办, a 委派 confirmed by its owner, the
/// nine departments' guidance — with the simulated clock moved through the year so timers fire and stages advance.
/// The API only moves the clock and checks what the UI did. Runs at a laptop's and at a phone's width.
/// </summary>
public abstract class CreationYearBrowserTests(HostFixture fixture, ITestOutputHelper output, ViewportSize viewport, string label)
{
    private const string LeadingGroup = "组建创建工作领导小组";
    private const string WorkPlan = "制定创建工作实施方案";
    private const string Mobilisation = "召开创建动员大会";
    private const string Letters = "分解落实目标任务";
    private const string Application = "向县爱卫办提出创建申请";
    private const string ConfirmApplication = "县爱卫办确认创建申请";
    private const string DepartmentGuidanceStage = "县级部门技术指导和日常检查";

    private static FilePayload Pdf(string name, string text) => new() { Name = name, MimeType = "application/pdf", Buffer = GeneratedFiles.Pdf(text) };
    private static FilePayload Png(string name) => new() { Name = name, MimeType = "image/png", Buffer = GeneratedFiles.Png(96, 64, 46, 125, 50) };

    [Fact]
    public async Task ATownshipIsWalkedThroughAWholeCreationYearInTheBrowserFromPublicityToNaming()
    {
        await using var walk = await YearWalk.PrepareAsync(fixture, output, viewport, label);
        try
        {
            await StartInTheUiAsync(walk);
            await PublicityAsync(walk);
            await CompleteDepartmentGuidanceAsync(walk);
            await ApplicationSentBackAndRedoneAsync(walk);
            await CountyChecksAsync(walk);
            await MunicipalAcceptanceAsync(walk);
            await NamingAsync(walk);
            await LeadersReadTheYearAsync(walk);
        }
        catch
        {
            await walk.SaveFailureAsync($"year-{label}");
            throw;
        }

        // What the UI did is what the engine recorded.
        var workflow = await walk.WorkflowAsync();
        Assert.Equal("completed", workflow.Str("status"));
        var kinds = (await walk.JournalAsync()).Select(e => e.Str("kind")).ToHashSet();
        Assert.Superset(new HashSet<string> { "TaskTransferred", "TaskDelegated", "DelegationResolved", "TaskSentBack", "TaskCopied" }, kinds);
        var tasks = workflow["tasks"]!.Items().ToList();
        Assert.DoesNotContain(tasks, t => t.Str("status") == "open");
        Assert.Equal(9, tasks.Count(t => t.Str("scope") == "department" && t.Str("status") == "completed"));
        Assert.Equal(2, tasks.Count(t => t.Str("title") == Application && t.Str("status") == "completed"));
    }

    /// <summary>The county office starts the township's workflow in the 启动创建 dialog; the clock then reaches 2 January.</summary>
    private async Task StartInTheUiAsync(YearWalk walk)
    {
        var page = await walk.AsAsync(HostFixture.AdminUser, "/workflows");
        var dialog = page.GetByRole(AriaRole.Dialog);
        await YearWalk.ClickUntilAsync(page.GetByRole(AriaRole.Button, new() { Name = "启动创建" }), dialog.GetByTestId("township-select"));
        await YearWalk.ChooseAsync(page, dialog.GetByTestId("township-select"), walk.TownshipName);
        await YearWalk.ChooseAsync(page, dialog.GetByTestId("track-select"), "重庆市卫生乡镇");
        foreach (var year in new[] { "start-year", "target-year" })
        {
            await dialog.GetByTestId(year).FillAsync(walk.Year.ToString(System.Globalization.CultureInfo.InvariantCulture));
            await dialog.GetByTestId(year).PressAsync("Tab");
        }
        await walk.ShotAsync(page, "start-dialog");
        await dialog.GetByTestId("confirm-start").ClickAsync();
        await Expect(dialog).ToHaveCountAsync(0);

        var started = await Testing.Waiting.Eventually.UntilAsync(
            async () => (await walk.Admin.GetJsonAsync($"/api/workflows?townshipCode={walk.TownshipCode}")).Items().ToList(),
            list => list.Any(w => w.Str("status") is "running" or "created"), "the workflow the dialog started");
        walk.WorkflowId = started.Single().Str("id");
        Assert.Equal("municipal", started.Single().Str("track"));
        await walk.MoveClockToAsync("01-02");
        await walk.OpenTaskAsync(LeadingGroup);
    }

    /// <summary>
    /// 宣传发动: 张三 transfers 组建领导小组 to 李四, who fills it in; 张三 delegates the work plan to 李四, who drafts and
    /// uploads it and hands it back, and 张三 confirms; 张三 fills the mobilisation meeting's form, copies it to the
    /// township leader, and signs the responsibility letters.
    /// </summary>
    private async Task PublicityAsync(YearWalk walk)
    {
        var staff = await walk.AsAsync(YearWalk.Staff);
        await Expect(staff.GetByTestId(walk.OnPhone ? "inbox-card" : "inbox-row").First).ToBeVisibleAsync();
        await walk.ShotAsync(staff, "staff-inbox");

        await walk.OpenFromInboxAsync(staff, LeadingGroup);
        await YearWalk.OperateAsync(staff, "transfer", YearWalk.ColleagueName, null, "本人外出参加培训，请李四办理", $"已转办给{YearWalk.ColleagueName}");
        // The new assignee by name, at once: never the user name.
        await Expect(staff.GetByTestId("task-header")).ToContainTextAsync(new Regex($"领办人\\s*{YearWalk.ColleagueName}"));
        await Expect(staff.GetByTestId("task-header")).Not.ToContainTextAsync(YearWalk.Colleague);
        await walk.ShotAsync(staff, "transferred");

        await walk.OpenFromInboxAsync(staff, WorkPlan);
        await YearWalk.OperateAsync(staff, "delegate", YearWalk.ColleagueName, null, "请代为起草实施方案", $"已委派给{YearWalk.ColleagueName}");

        var colleague = await walk.AsAsync(YearWalk.Colleague);
        await walk.OpenFromInboxAsync(colleague, LeadingGroup);
        await YearWalk.FillAsync(colleague, "leader", "陈乡长");
        await YearWalk.YesAsync(colleague, "leaderIsPrincipal");
        await walk.UploadAsync(colleague, "establishment-notice", Pdf("关于成立创建工作领导小组的通知.pdf", "Leading group notice"));
        await walk.ShotAsync(colleague, "leading-group-filled");
        await YearWalk.CompleteAsync(colleague, "领导小组已成立，由乡长任组长。");

        await walk.OpenFromInboxAsync(colleague, WorkPlan);
        await Expect(colleague.GetByTestId("handover-note")).ToContainTextAsync("请代为起草实施方案");
        await walk.UploadAsync(colleague, "work-plan", Pdf("创建工作实施方案.pdf", "Work plan draft"));
        await YearWalk.OperateAsync(colleague, "resolve", null, null, "初稿已完成，请审定", "已退回委托人确认");
        await walk.ShotAsync(colleague, "delegation-resolved");

        await walk.OpenFromInboxAsync(staff, WorkPlan);
        await Expect(staff.GetByTestId("handover-note")).ToContainTextAsync("初稿已完成，请审定");
        await Expect(staff.GetByTestId("evidence-file").Filter(new() { HasText = "创建工作实施方案.pdf" })).ToBeVisibleAsync();
        await walk.ShotAsync(staff, "owner-confirms-delegation");
        await YearWalk.CompleteAsync(staff, "已审定实施方案。");

        var mobilisation = await walk.OpenTaskAsync(Mobilisation);
        await walk.OpenFromInboxAsync(staff, Mobilisation);
        await YearWalk.FillAsync(staff, "meetingDate", $"{walk.Year}-01-02");
        await YearWalk.FillAsync(staff, "attendees", "45");
        foreach (var place in new[] { "villages", "communities", "schools", "buildingSites", "markets", "enterprises", "offices", "families" })
            await YearWalk.YesAsync(staff, place);
        await walk.UploadAsync(staff, "publicity-record", Png("动员大会现场照片.png"));
        await YearWalk.OperateAsync(staff, "copy", null, null, "请领导知悉动员大会安排", "已抄送 1 人", YearWalk.LeaderName);
        // The message rises above the sticky 确认办结 instead of covering it.
        var message = await staff.Locator(".mud-snackbar").Filter(new() { HasText = "已抄送" }).BoundingBoxAsync();
        var confirm = await staff.GetByTestId("confirm-complete").BoundingBoxAsync();
        Assert.True(message!.Y + message.Height <= confirm!.Y, $"The message ({message.Y}+{message.Height}) covers 确认办结 at {confirm.Y}.");
        await walk.ShotAsync(staff, "mobilisation-filled");
        await YearWalk.CompleteAsync(staff, "动员大会已召开，“八进”宣传全覆盖。");
        var data = (await walk.TaskAsync(mobilisation))["data"]!;
        Assert.Equal(45, data["attendees"]!.GetValue<decimal>());
        Assert.True(data["families"]!.GetValue<bool>());

        await walk.OpenTaskAsync(Letters);
        await walk.OpenFromInboxAsync(staff, Letters);
        await YearWalk.YesAsync(staff, "inAnnualAssessment");
        await walk.UploadAsync(staff, "letters", Pdf("目标责任书.pdf", "Responsibility letters"));
        await walk.UploadAsync(staff, "assessment-document", Png("年度目标考核文件.png"));
        await YearWalk.CompleteAsync(staff, "责任书已签订至各村（社区）。");
        await walk.ShotAsync(staff, "letters-completed");

        Assert.Equal("publicity", (await walk.WorkflowAsync())["stages"]!.Items().First(s => s.Str("status") == "completed").Str("key"));
    }

    /// <summary>
    /// 县级部门技术指导和日常检查 as the template has it today: nine department tasks, each department's staff signs in,
    /// uploads its 佐证材料 and completes. When the guidance becomes one multi-instance 会签 element, only this method changes.
    /// </summary>
    private async Task CompleteDepartmentGuidanceAsync(YearWalk walk)
    {
        var guidance = await Testing.Waiting.Eventually.UntilAsync(walk.WorkflowAsync,
            w => YearWalk.OpenTasks(w).Count(t => t.Str("scope") == "department") == 9, "the nine department guidance tasks");
        foreach (var task in YearWalk.OpenTasks(guidance).Where(t => t.Str("scope") == "department").ToList())
        {
            var user = IdentitySeeder.DemoDepartmentLogin(task.Str("departmentCode"));
            var page = await walk.AsAsync(user);
            await walk.OpenFromInboxAsync(page, task.Str("title"));
            await walk.UploadAsync(page, "supporting-evidence", Pdf($"{task.Str("departmentCode")}-检查记录.pdf", "Department check record"));
            if (task.Str("departmentCode") == "education") await walk.ShotAsync(page, "department-task");
            await YearWalk.CompleteAsync(page, "已开展技术指导和日常检查。");
            await walk.DoneWithAsync(user);
        }
    }

    /// <summary>
    /// 集中创建与申报: the township applies; the county office previews the application (PDF) and the meeting photo (PNG)
    /// on the workflow page, sends 确认创建申请 back with a reason; the township redoes it; the county office approves.
    /// </summary>
    private async Task ApplicationSentBackAndRedoneAsync(YearWalk walk)
    {
        var staff = await walk.AsAsync(YearWalk.Staff);
        await walk.OpenTaskAsync(Application);
        await walk.OpenFromInboxAsync(staff, Application);
        await walk.UploadAsync(staff, "application", Pdf("创建申请.pdf", "Application without seal"));
        await YearWalk.CompleteAsync(staff, "申请创建重庆市卫生乡镇。");

        await walk.OpenTaskAsync(ConfirmApplication);
        var county = await walk.AsAsync(HostFixture.AdminUser, $"/workflows/{walk.WorkflowId}");
        var application = county.GetByTestId("workflow-evidence-row").Filter(new() { HasText = "创建申请.pdf" });
        await Expect(application.GetByTestId("workflow-evidence-meta")).ToContainTextAsync(YearWalk.StaffName);
        await application.GetByTestId("evidence-preview").ClickAsync();
        await Expect(county.GetByTestId("evidence-preview-frame")).ToBeVisibleAsync();
        await walk.ShotAsync(county, "county-previews-pdf");
        await county.GetByTestId("evidence-preview-close").ClickAsync();
        var photo = county.GetByTestId("workflow-evidence-row").Filter(new() { HasText = "动员大会现场照片.png" });
        await photo.GetByTestId("evidence-preview").ClickAsync();
        var image = county.GetByTestId("evidence-preview-image");
        await Expect(image).ToBeVisibleAsync();
        await county.WaitForFunctionAsync("img => img.complete && img.naturalWidth === 96", await image.ElementHandleAsync());
        await walk.ShotAsync(county, "county-previews-png");
        await county.GetByTestId("evidence-preview-close").ClickAsync();

        await walk.OpenFromInboxAsync(county, ConfirmApplication);
        await YearWalk.OperateAsync(county, "sendBack", null, Application, "创建申请未加盖乡镇党委印章，请补充后重新提交", "已退回至");
        await walk.ShotAsync(county, "sent-back");

        await walk.OpenTaskAsync(Application);
        await walk.OpenFromInboxAsync(staff, Application);
        await Expect(staff.GetByTestId("handover-note")).ToContainTextAsync("未加盖乡镇党委印章");
        await Expect(staff.GetByTestId("journal-row").Filter(new() { HasText = "退回至" }))
            .ToContainTextAsync($"将‘{ConfirmApplication}’退回至‘{Application}’，原因：创建申请未加盖乡镇党委印章");
        await walk.UploadAsync(staff, "application", Pdf("创建申请（盖章版）.pdf", "Application with seal"));
        await walk.ShotAsync(staff, "application-redone");
        await YearWalk.CompleteAsync(staff, "已补充盖章，重新提交。");

        await walk.OpenTaskAsync(ConfirmApplication);
        await walk.OpenFromInboxAsync(county, ConfirmApplication);
        await Expect(county.GetByTestId("confirm-complete")).ToBeDisabledAsync();
        await YearWalk.DecideAsync(county, "同意");
        await YearWalk.CompleteAsync(county, "同意创建。");

        await walk.OpenTaskAsync("建立制度措施");
        await walk.OpenFromInboxAsync(staff, "建立制度措施");
        await YearWalk.CompleteAsync(staff, "各项制度已建立，目标任务已完成。");
        await walk.OpenTaskAsync("各项指标全面达标后");
        await walk.OpenFromInboxAsync(staff, "各项指标全面达标后");
        await walk.UploadAsync(staff, "pre-assessment-application", Pdf("初评申请.pdf", "Pre-assessment application"));
        await YearWalk.CompleteAsync(staff, "申请县级初评。");
    }

    /// <summary>县级调研 (5月), 县级暗访 (6月, with findings the township rectifies and reports), 县级技术评估 (7月).</summary>
    private async Task CountyChecksAsync(YearWalk walk)
    {
        var county = await walk.AsAsync(HostFixture.AdminUser);
        await walk.MoveClockToAsync("05-06");
        await CheckAsync(walk, county, "开展县级调研", "通过", "0");

        await walk.MoveClockToAsync("06-02");
        await CheckAsync(walk, county, "开展县级暗访", "发现问题", "3");
        var staff = await walk.AsAsync(YearWalk.Staff);
        await walk.OpenTaskAsync("完成县级暗访问题整改");
        await walk.OpenFromInboxAsync(staff, "完成县级暗访问题整改");
        await YearWalk.CompleteAsync(staff, "3 个问题已整改完毕。");
        await walk.OpenTaskAsync("形成县级暗访整改报告");
        await walk.OpenFromInboxAsync(staff, "形成县级暗访整改报告");
        await walk.UploadAsync(staff, "rectification-report", Pdf("县级暗访整改报告.pdf", "Rectification report"));
        await YearWalk.CompleteAsync(staff, "整改报告已形成。");
        await walk.OpenTaskAsync("核验县级暗访整改情况");
        await walk.OpenFromInboxAsync(county, "核验县级暗访整改情况");
        await YearWalk.DecideAsync(county, "通过");
        await YearWalk.CompleteAsync(county, "整改到位。");

        await walk.MoveClockToAsync("07-02");
        await CheckAsync(walk, county, "开展县级技术评估", "通过", "0");
    }

    private static async Task CheckAsync(YearWalk walk, IPage county, string title, string outcome, string findings)
    {
        await walk.OpenTaskAsync(title);
        await walk.OpenFromInboxAsync(county, title);
        await YearWalk.DecideAsync(county, outcome);
        await YearWalk.FillAsync(county, "findingsCount", findings);
        await walk.ShotAsync(county, title);
        await YearWalk.CompleteAsync(county, $"{title}：发现问题 {findings} 个。");
    }

    /// <summary>9月: the township archives and prepares; the county office records the municipal results on its pages.</summary>
    private async Task MunicipalAcceptanceAsync(YearWalk walk)
    {
        await walk.MoveClockToAsync("09-01");
        var staff = await walk.AsAsync(YearWalk.Staff);
        await walk.OpenTaskAsync("完善硬件和软件资料");
        await walk.OpenFromInboxAsync(staff, "完善硬件和软件资料");
        await walk.UploadAsync(staff, "archive-index", Pdf("资料归档目录.pdf", "Archive index"));
        await YearWalk.CompleteAsync(staff, "资料已归档。");
        await walk.OpenTaskAsync("迎接市爱卫会暗访");
        await walk.OpenFromInboxAsync(staff, "迎接市爱卫会暗访");
        await walk.ShotAsync(staff, "prepare-inspection");
        await YearWalk.CompleteAsync(staff, "迎检准备就绪。");

        var county = await walk.AsAsync(HostFixture.AdminUser);
        await walk.OpenTaskAsync("登记市爱卫会暗访结果");
        await walk.OpenFromInboxAsync(county, "登记市爱卫会暗访结果");
        await YearWalk.DecideAsync(county, "通过");
        await YearWalk.CompleteAsync(county, "市爱卫会暗访通过。");

        await Testing.Waiting.Eventually.UntilAsync(walk.WorkflowAsync,
            w => w["waiting"]!.Items().Any(i => i.Str("kind") == "message"), "the wait for the municipal verdict");
        await county.GotoAsync($"workflows/{walk.WorkflowId}");
        await county.GetByTestId("verdict-passed").ClickAsync();
        await Expect(county.GetByTestId("waiting-message")).ToHaveCountAsync(0);
        await walk.ShotAsync(county, "verdict-recorded");
    }

    /// <summary>12月: 公示 passes and the county office records the naming with its document number.</summary>
    private async Task NamingAsync(YearWalk walk)
    {
        await walk.MoveClockToAsync("12-01");
        var county = await walk.AsAsync(HostFixture.AdminUser);
        await walk.OpenTaskAsync("通过公示");
        await walk.OpenFromInboxAsync(county, "通过公示");
        await YearWalk.DecideAsync(county, "通过");
        await YearWalk.CompleteAsync(county, "公示期满无异议。");
        var naming = await walk.OpenTaskAsync("登记获得重庆市卫生乡镇命名");
        await walk.OpenFromInboxAsync(county, "登记获得重庆市卫生乡镇命名");
        var number = $"渝爱卫〔{walk.Year}〕12号";
        await YearWalk.FillAsync(county, "documentNumber", number);
        await YearWalk.CompleteAsync(county, "已获命名。");
        Assert.Equal(number, (await walk.TaskAsync(naming))["data"]!["documentNumber"]!.GetValue<string>());

        await county.GotoAsync($"workflows/{walk.WorkflowId}");
        await Expect(county.GetByTestId("workflow-status")).ToHaveTextAsync("已完成");
        await walk.ShotAsync(county, "workflow-completed");
    }

    /// <summary>The township leader reads the copy and the finished year; the county leader opens the cockpit.</summary>
    private async Task LeadersReadTheYearAsync(YearWalk walk)
    {
        var leader = await walk.AsAsync(YearWalk.Leader, "/copies");
        await Expect(leader.GetByTestId("copy")).ToContainTextAsync("请领导知悉动员大会安排");
        await walk.ShotAsync(leader, "leader-copies");
        await leader.GotoAsync($"workflows/{walk.WorkflowId}");
        await Expect(leader.GetByTestId("workflow-township")).ToHaveTextAsync(walk.TownshipName);
        await Expect(leader.GetByTestId("journal-row").Filter(new() { HasText = "退回" }).First).ToBeVisibleAsync();
        // The diagram's link names the version, not the template's key ("模板 municipal 第 1 版" before).
        await Expect(leader.GetByTestId("workflow-diagram-template")).ToHaveTextAsync("查看流程模板（第1版）");
        await walk.ShotAsync(leader, "leader-workflow");

        var countyLeader = await walk.AsAsync("county-leader", "/dashboard");
        await Expect(countyLeader.GetByTestId("cockpit-row").Filter(new() { HasText = walk.TownshipName }).First).ToBeVisibleAsync();
        // The charts draw after the page (ECharts is loaded on the first chart): the picture waits for them, at either width.
        await Expect(countyLeader.Locator("[data-testid=cockpit-gantt][data-rendered=true]")).ToHaveCountAsync(1);
        await Expect(countyLeader.Locator("[data-testid=cockpit-chart-overdue][data-rendered=true]")).ToHaveCountAsync(1);
        // The walked township completed its year: the on-time chart has a bar to draw.
        await Expect(countyLeader.Locator("[data-testid=cockpit-chart-on-time]")).ToHaveAttributeAsync("data-empty", "false");
        await walk.ShotAsync(countyLeader, "county-leader-cockpit");
        await Expect(countyLeader).ToHaveURLAsync(new Regex("/dashboard$"));
    }
}

/// <summary>The walk on a common office laptop (1366 × 768).</summary>
[Trait("Category", "Browser")]
public sealed class CreationYearOnADesktopBrowserTests(HostFixture fixture, ITestOutputHelper output)
    : CreationYearBrowserTests(fixture, output, BrowserSession.Desktop, "desktop"), IClassFixture<HostFixture>;

/// <summary>The same walk on a phone (390 × 844): township staff open their tasks from WeCom or DingTalk.</summary>
[Trait("Category", "Browser")]
public sealed class CreationYearOnAPhoneBrowserTests(HostFixture fixture, ITestOutputHelper output)
    : CreationYearBrowserTests(fixture, output, BrowserSession.Phone, "phone"), IClassFixture<HostFixture>;
