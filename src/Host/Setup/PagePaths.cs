using System.Net;
using System.Text;
using Microsoft.AspNetCore.Diagnostics;

namespace Shizhu.Host.Setup;

/// <summary>
/// The Chinese page a person sees for an unknown address (404) or a failure (500) instead of raw problem JSON (ADR 0033).
/// Only for pages — requests a person reads in a browser; the API, health, Hangfire and Blazor's own files keep their
/// problem documents. Plain HTML written here, with no script and no circuit, so it shows even when the app cannot.
/// </summary>
public static class PagePaths
{
    private static readonly string[] NotPages = ["/api", "/health", "/hangfire", "/_framework", "/_content", "/_blazor", "/account"];

    public static bool IsPage(PathString path) => !NotPages.Any(p => path.StartsWithSegments(p, StringComparison.OrdinalIgnoreCase));

    /// <summary>Status codes and unhandled exceptions of pages answered with <see cref="WriteAsync"/>.</summary>
    public static void UseChineseStatusPages(this IApplicationBuilder page)
    {
        page.UseExceptionHandler(new ExceptionHandlerOptions
        {
            ExceptionHandler = context => WriteAsync(context, StatusCodes.Status500InternalServerError),
        });
        page.UseStatusCodePages(context => WriteAsync(context.HttpContext, context.HttpContext.Response.StatusCode));
    }

    private static Task WriteAsync(HttpContext context, int status)
    {
        var (heading, text) = status switch
        {
            404 => ("页面不存在", "您访问的地址不存在，可能已被移除或输入有误。请检查地址，或从菜单进入。"),
            >= 500 => ("系统出错了", "服务器处理时出现问题，已记录。请稍后刷新重试；如仍有问题，请联系县爱卫办。"),
            _ => ("无法处理此请求", $"请求无法处理（{status}）。请返回后重试。"),
        };
        context.Response.StatusCode = status;
        context.Response.ContentType = "text/html; charset=utf-8";
        var html = $$"""
            <!DOCTYPE html>
            <html lang="zh-CN"><head><meta charset="utf-8" /><meta name="viewport" content="width=device-width, initial-scale=1.0" />
            <title>{{heading}} - 石柱县卫生乡镇创建</title>
            <style>
              body { margin: 0; min-height: 100vh; display: flex; align-items: center; justify-content: center; padding: 24px; box-sizing: border-box;
                     font-family: Roboto, "Noto Sans CJK SC", "Microsoft YaHei", sans-serif; background: linear-gradient(160deg, #e3f2fd 0%, #f5f7fa 60%); }
              main { max-width: 440px; width: 100%; background: #fff; border-radius: 8px; padding: 32px; text-align: center;
                     box-shadow: 0 2px 8px rgba(0,0,0,.15); }
              h1 { color: #1565c0; font-size: 1.4rem; margin: 0 0 12px; }
              p { color: #424242; line-height: 1.6; }
              a { color: #1565c0; }
            </style></head>
            <body><main data-testid="status-page" data-status="{{status}}">
              <h1 data-testid="status-heading">{{WebUtility.HtmlEncode(heading)}}</h1>
              <p>{{WebUtility.HtmlEncode(text)}}</p>
              <p><a href="/inbox" data-testid="status-home">返回我的待办</a></p>
            </main></body></html>
            """;
        return context.Response.WriteAsync(html, Encoding.UTF8);
    }
}
