using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Shizhu.Host.Tests.Infrastructure;
using Shizhu.Testing.Waiting;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Shizhu.Host.Tests.Browser.CreationYear;

/// <summary>
/// One township's creation workflow walked in the browser: one Chromium with a signed-in context per person (all at the walk's viewport),
/// the few things every step does in the UI (open a task from the inbox, fill its fields, choose a decision, upload,
/// complete, run a task operation), and the API used only to move the simulated clock and to check what the UI did.
/// </summary>
public sealed class YearWalk(HostFixture fixture, ITestOutputHelper output, ViewportSize viewport, string label) : IAsyncDisposable
{
    private readonly Dictionary<string, IPage> _pages = [];
    private BrowserSession? _chromium;
    private int _shot;

    public required HttpClient Admin { get; init; }
    public required string TownshipCode { get; init; }
    public required string TownshipName { get; init; }
    public required int Year { get; init; }
    public string WorkflowId { get; set; } = "";

    /// <summary>Township staff (张三), the colleague who takes transfers and delegations (李四), the township leader (王五).</summary>
    public const string Staff = "yw-zhangsan", Colleague = "yw-lisi", Leader = "yw-wangwu";
    public const string StaffName = "张三", ColleagueName = "李四", LeaderName = "王五";

    public bool OnPhone => viewport.Width < 600;

    /// <summary>A free township of the fixture with its three people (Chinese display names, as the county office enters them).</summary>
    public static async Task<YearWalk> PrepareAsync(HostFixture fixture, ITestOutputHelper output, ViewportSize viewport, string label)
    {
        var admin = await fixture.LoginAsAdminAsync();
        var code = await Scenario.FreeTownshipAsync(fixture, admin);
        foreach (var (user, name, role) in new[]
                 {
                     (Staff, StaffName, "township-staff"), (Colleague, ColleagueName, "township-staff"), (Leader, LeaderName, "township-leader"),
                 })
        {
            using var created = await admin.PostAsJsonAsync("/api/users", new
            {
                userName = user, password = HostFixture.UserPassword, displayName = name, roles = new[] { role }, townshipCode = code,
                email = $"{user}@test.local",
            });
            created.EnsureSuccessStatusCode();
        }
        var township = (await admin.GetJsonAsync("/api/townships")).Items().Single(t => t.Str("code") == code).Str("name");
        var now = DateTimeOffset.Parse((await admin.GetJsonAsync("/api/clock")).Str("now"), CultureInfo.InvariantCulture);
        return new YearWalk(fixture, output, viewport, label)
        {
            Admin = admin, TownshipCode = code, TownshipName = township, Year = now.ToOffset(TimeSpan.FromHours(8)).Year + 1,
        };
    }

    /// <summary>
    /// The signed-in page of <paramref name="userName"/>, opened (and signed in at <paramref name="path"/>) on first use.
    /// One Chromium for the whole walk, a context (its own cookies) per person: starting a browser per person cost
    /// seconds each on a loaded machine, thirteen times.
    /// </summary>
    public async Task<IPage> AsAsync(string userName, string path = "/inbox")
    {
        if (_pages.TryGetValue(userName, out var open))
        {
            await open.GotoAsync(path.TrimStart('/'));
            return open;
        }
        _chromium ??= await BrowserSession.StartAsync(fixture, output, viewport);
        var context = await _chromium.Page.Context.Browser!.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = fixture.BaseAddress.ToString(), Locale = "zh-CN", ViewportSize = viewport,
        });
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(30_000);
        _pages[userName] = page;
        await page.GotoAsync(path.TrimStart('/'));
        await Expect(page).ToHaveURLAsync(new Regex("/login"));
        await page.GetByLabel("用户名").FillAsync(userName);
        await page.GetByLabel("密码").FillAsync(userName == HostFixture.AdminUser ? HostFixture.AdminPassword : HostFixture.UserPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "登录" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex(Regex.Escape(path) + "$"));
        return page;
    }

    /// <summary>Closes one person's context (a department user works once a year).</summary>
    public async Task DoneWithAsync(string userName)
    {
        if (_pages.Remove(userName, out var page)) await page.Context.CloseAsync();
    }

    /// <summary>Saves the page as <c>year-{label}-NN-{name}</c>, numbered in the order of the walk.</summary>
    public async Task ShotAsync(IPage page, string name)
    {
        if (Environment.GetEnvironmentVariable("SHIZHU_TEST_SCREENSHOTS") is not { Length: > 0 } folder) return;
        Directory.CreateDirectory(folder);
        // What the person sees, not the whole page: a year's workflow page is several thousand pixels tall.
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(folder, $"year-{label}-{++_shot:D2}-{name}.png") });
    }

    /// <summary>On failure, every open browser's page is saved, so the lead sees where each person was.</summary>
    public async Task SaveFailureAsync(string testName)
    {
        foreach (var (user, page) in _pages)
        {
            var path = Path.Combine(AppContext.BaseDirectory, "playwright-failures", $"{testName}-{user}-{DateTime.UtcNow:yyyyMMddHHmmss}.png");
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
            output.WriteLine($"Page of {user} at {page.Url}: {path}");
        }
    }

    // ---- The UI steps every task shares ----

    /// <summary>Opens the inbox, waits for the task (the table on a desktop, the cards on a phone) and opens it with 办理.</summary>
    public async Task OpenFromInboxAsync(IPage page, string title)
    {
        await page.GotoAsync("inbox");
        var (row, button) = OnPhone ? ("inbox-card", "card-complete-button") : ("inbox-row", "complete-button");
        var item = page.GetByTestId(row).Filter(new() { HasText = title }).Filter(new() { HasText = TownshipName });
        await Expect(item).ToHaveCountAsync(1);
        await item.GetByTestId(button).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/tasks/[0-9a-f-]+$"));
        await Expect(page.GetByTestId("task-page-title")).ToContainTextAsync(title);
    }

    /// <summary>
    /// Clicks <paramref name="button"/> until <paramref name="appears"/> shows. A page comes prerendered and a click that
    /// lands before its circuit is connected does nothing (seen on a loaded machine: 启动创建 opened no dialog).
    /// </summary>
    public static async Task ClickUntilAsync(ILocator button, ILocator appears)
    {
        for (var attempt = 1; ; attempt++)
        {
            await button.ClickAsync();
            try
            {
                await appears.First.WaitForAsync(new() { Timeout = 5_000 });
                return;
            }
            catch (TimeoutException) when (attempt < 6)
            {
            }
        }
    }

    public static ILocator Field(IPage page, string key) => page.GetByTestId($"field-{key}");

    public static async Task FillAsync(IPage page, string key, string value)
    {
        await Field(page, key).FillAsync(value);
        await Field(page, key).PressAsync("Tab");
    }

    public static Task YesAsync(IPage page, string key, bool yes = true) =>
        page.Locator($"[data-testid=form-field][data-key={key}]").GetByText(yes ? "是" : "否", new() { Exact = true }).ClickAsync();

    /// <summary>Chooses the decision by its Chinese name: nothing is chosen for the user beforehand.</summary>
    public static async Task DecideAsync(IPage page, string outcomeName)
    {
        await Expect(page.GetByTestId("outcome-group").Locator("input:checked")).ToHaveCountAsync(0);
        await page.GetByTestId("outcome-group").GetByText(outcomeName, new() { Exact = true }).ClickAsync();
    }

    /// <summary>Uploads <paramref name="file"/> for the requirement <paramref name="key"/> and waits until it is listed there.</summary>
    public async Task UploadAsync(IPage page, string key, FilePayload file)
    {
        var input = page.GetByTestId($"evidence-input-{key}");
        await page.WaitForFunctionAsync("element => element._blazorInputFileNextFileId !== undefined", await input.ElementHandleAsync());
        await input.SetInputFilesAsync(file);
        await Expect(page.Locator($"[data-testid=evidence-requirement][data-key={key}]").GetByTestId("evidence-file")
            .Filter(new() { HasText = file.Name })).ToBeVisibleAsync();
    }

    /// <summary>Writes the comment, presses 确认办结 and waits for the page to show the task completed.</summary>
    public static async Task CompleteAsync(IPage page, string comment)
    {
        await page.GetByTestId("comment-field").FillAsync(comment);
        await page.GetByTestId("confirm-complete").ClickAsync();
        await Expect(page.GetByTestId("task-result")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("task-state")).ToHaveTextAsync("已办结");
    }

    /// <summary>Runs a task operation from the task page: its button, the dialog's person or target, the reason, 确定.</summary>
    public static async Task OperateAsync(IPage page, string operation, string? person, string? target, string reason, string done,
        params string[] people)
    {
        await page.GetByTestId("task-operations").GetByTestId($"op-{operation}").ClickAsync();
        await Expect(page.GetByTestId("operation-dialog")).ToBeVisibleAsync();
        if (person is not null) await ChooseAsync(page, page.GetByTestId("operation-person"), person);
        if (target is not null) await ChooseAsync(page, page.GetByTestId("operation-target"), target);
        foreach (var one in people) await ChooseAsync(page, page.GetByTestId("operation-people"), one, many: true);
        if (people.Length > 0)
        {
            // A multiple choice stays open after a pick: clicking the select again closes it.
            await page.GetByTestId("operation-people").ClickAsync(new() { Force = true });
            await Expect(page.Locator(".mud-popover-open .mud-list-item")).ToHaveCountAsync(0);
        }
        await page.Locator("[data-testid=operation-reason] textarea, textarea[data-testid=operation-reason]").FillAsync(reason);
        await page.GetByTestId("operation-confirm").ClickAsync();
        await Expect(page.Locator(".mud-snackbar").Filter(new() { HasText = done })).ToBeVisibleAsync();
    }

    /// <summary>
    /// Picks <paramref name="option"/> in a MudBlazor select. A single choice waits until its list has closed: the next
    /// select's list would otherwise be searched while this one is still fading out (the 启动创建 dialog's township list
    /// names each township's planned title, so “重庆市卫生乡镇” matched an item of the wrong list).
    /// </summary>
    public static async Task ChooseAsync(IPage page, ILocator select, string option, bool many = false)
    {
        await select.ClickAsync();
        await page.Locator(".mud-popover-open .mud-list-item").Filter(new() { HasText = option }).First.ClickAsync();
        if (!many) await Expect(page.Locator(".mud-popover-open .mud-list-item")).ToHaveCountAsync(0);
    }

    // ---- The API: the clock, and checks of what the UI did ----

    /// <summary>Moves the simulated clock to <paramref name="monthDay"/> (MM-dd) of the walk's year, 09:00 in Chongqing.</summary>
    public async Task MoveClockToAsync(string monthDay) =>
        await Admin.PostJsonAsync("/api/admin/clock", new { to = $"{Year}-{monthDay}T09:00:00+08:00" });

    public async Task<JsonNode> WorkflowAsync() => await Admin.GetJsonAsync($"/api/workflows/{WorkflowId}");

    /// <summary>Waits (timers fire and the engine runs behind the bus) until a task whose title starts with <paramref name="title"/> is open.</summary>
    public async Task<string> OpenTaskAsync(string title) =>
        OpenTasks(await Eventually.UntilAsync(WorkflowAsync, w => OpenTasks(w).Any(t => t.Str("title").StartsWith(title, StringComparison.Ordinal)),
            $"an open task “{title}”")).First(t => t.Str("title").StartsWith(title, StringComparison.Ordinal)).Str("id");

    public static IEnumerable<JsonNode> OpenTasks(JsonNode workflow) => workflow["tasks"]!.Items().Where(t => t.Str("status") == "open");

    /// <summary>The task <paramref name="id"/> as the engine stored it.</summary>
    public async Task<JsonNode> TaskAsync(string id) => await Admin.GetJsonAsync($"/api/tasks/{id}");

    /// <summary>The workflow's whole journal, every page.</summary>
    public async Task<List<JsonNode>> JournalAsync()
    {
        var entries = new List<JsonNode>();
        string? cursor = null;
        do
        {
            var page = await Admin.GetJsonAsync($"/api/workflows/{WorkflowId}/journal?limit=200{(cursor is null ? "" : "&cursor=" + Uri.EscapeDataString(cursor))}");
            entries.AddRange(page.Items());
            cursor = page["nextCursor"]?.GetValue<string>();
        }
        while (cursor is not null);
        return entries;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var page in _pages.Values) await page.Context.CloseAsync();
        _pages.Clear();
        if (_chromium is not null) await _chromium.DisposeAsync();
        if (WorkflowId.Length > 0)
        {
            // 200, or 409 when the walk reached the end.
            using var cancelled = await Admin.PostAsJsonAsync($"/api/workflows/{WorkflowId}/cancel", new { reason = "测试结束" });
        }
        Admin.Dispose();
    }
}
