using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Options;
using Shizhu.Host.Configuration;

namespace Shizhu.Host.Components.Pages.Login;

/// <summary>The sign-in form (登录). Errors come back from <c>/account/login</c> as <c>?error=…</c>.</summary>
public sealed partial class LoginPage
{
    [Inject] private IWebHostEnvironment Environment { get; set; } = default!;
    [Inject] private IOptions<SeedOptions> Seed { get; set; } = default!;

    [SupplyParameterFromQuery] public string? Error { get; set; }
    [SupplyParameterFromQuery] public string? ReturnUrl { get; set; }

    private string? ErrorText => Error switch
    {
        null or "" => null,
        "invalid" => "用户名或密码错误。",
        "throttled" => "尝试次数过多，请稍后再试。",
        "missing" => "请输入用户名和密码。",
        _ => "登录失败，请重试。",
    };

    /// <summary>Only a path on this site is passed on; the endpoint checks it again.</summary>
    private string SafeReturnUrl =>
        ReturnUrl is { Length: > 0 } url && url[0] == '/' && (url.Length == 1 || (url[1] != '/' && url[1] != '\\')) ? url : "/";

    private bool ShowDemoHint => Environment.IsDevelopment() && Seed.Value.DemoUsers;
}
