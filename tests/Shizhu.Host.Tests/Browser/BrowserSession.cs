using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Shizhu.Host.Tests.Infrastructure;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Shizhu.Host.Tests.Browser;

/// <summary>
/// A headless Chromium (<c>SHIZHU_TEST_CHROMIUM</c>, default /usr/bin/chromium) with one zh-CN page on the fixture's
/// Host. Screenshots of notable states go to the folder named by <c>SHIZHU_TEST_SCREENSHOTS</c>, if set, so a person
/// can look at the UI a test drove; a failing test's page is always saved.
/// </summary>
public sealed class BrowserSession : IAsyncDisposable
{
    private const float Timeout = 30_000;

    private readonly IPlaywright _playwright;
    private readonly IBrowser _browser;
    private readonly IBrowserContext _context;
    private readonly ITestOutputHelper _output;

    private BrowserSession(IPlaywright playwright, IBrowser browser, IBrowserContext context, IPage page, ITestOutputHelper output) =>
        (_playwright, _browser, _context, Page, _output) = (playwright, browser, context, page, output);

    public IPage Page { get; }

    /// <summary>A phone's viewport (390 × 844, an iPhone 12–15) for the pages township staff open from WeCom or DingTalk.</summary>
    public static readonly ViewportSize Phone = new() { Width = 390, Height = 844 };

    /// <summary>A common office laptop's viewport.</summary>
    public static readonly ViewportSize Desktop = new() { Width = 1366, Height = 768 };

    public static async Task<BrowserSession> StartAsync(HostFixture fixture, ITestOutputHelper output, ViewportSize? viewport = null)
    {
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Environment.GetEnvironmentVariable("SHIZHU_TEST_CHROMIUM") ?? "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
        var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = fixture.BaseAddress.ToString(), Locale = "zh-CN", ViewportSize = viewport ?? new ViewportSize { Width = 1400, Height = 900 },
        });
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(Timeout);
        SetDefaultExpectTimeout(Timeout);
        return new BrowserSession(playwright, browser, context, page, output);
    }

    /// <summary>Opens <paramref name="path"/>, is sent to the sign-in form, signs in and is brought back to it.</summary>
    public async Task SignInAsync(string path, string userName, string password)
    {
        await Page.GotoAsync(path);
        await Expect(Page).ToHaveURLAsync(new Regex("/login"));
        await Page.GetByLabel("用户名").FillAsync(userName);
        await Page.GetByLabel("密码").FillAsync(password);
        await Page.GetByRole(AriaRole.Button, new() { Name = "登录" }).ClickAsync();
        await Expect(Page).ToHaveURLAsync(new Regex(Regex.Escape(path) + "$"));
    }

    /// <summary>
    /// Chooses <paramref name="file"/> in a Blazor <c>InputFile</c>. Blazor listens for the input's change only once its
    /// script has initialised the element (<c>InputFile.init</c>, run after the component's first render reached the
    /// browser, which marks it with <c>_blazorInputFileNextFileId</c>); a file chosen earlier is never uploaded and the
    /// test would wait in vain for the answer. So this waits for that mark first — on a condition, not a pause.
    /// </summary>
    public async Task ChooseFileAsync(ILocator input, FilePayload file)
    {
        await Page.WaitForFunctionAsync("element => element._blazorInputFileNextFileId !== undefined", await input.ElementHandleAsync());
        await input.SetInputFilesAsync(file);
    }

    /// <summary>Saves the page as <paramref name="name"/>.png when <c>SHIZHU_TEST_SCREENSHOTS</c> names a folder.</summary>
    public async Task ScreenshotAsync(string name)
    {
        if (Environment.GetEnvironmentVariable("SHIZHU_TEST_SCREENSHOTS") is not { Length: > 0 } folder) return;
        Directory.CreateDirectory(folder);
        await Page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(folder, name + ".png"), FullPage = true });
    }

    /// <summary>Runs the test's steps; if one fails, the page is saved beside the test assembly before the failure goes on.</summary>
    public async Task RunAsync(string testName, Func<IPage, Task> steps)
    {
        try
        {
            await steps(Page);
        }
        catch
        {
            var path = Path.Combine(AppContext.BaseDirectory, "playwright-failures", $"{testName}-{DateTime.UtcNow:yyyyMMddHHmmss}.png");
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            await Page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
            _output.WriteLine($"Screenshot of the failing page: {path} (at {Page.Url})");
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _context.DisposeAsync();
        await _browser.DisposeAsync();
        _playwright.Dispose();
    }
}
