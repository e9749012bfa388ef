using System.Net;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using NetEscapades.AspNetCore.SecurityHeaders.Infrastructure;
using Shizhu.Host.Configuration;

namespace Shizhu.Host.Setup;

/// <summary>
/// What every response carries and how the Host sits behind a proxy (ADR 0022): security headers on every response
/// (pages, API, Hangfire, the reference page, static files, errors), HSTS and HTTPS redirection when configured
/// (production), forwarded headers from the configured proxies only, and no <c>Server</c> header.
/// </summary>
public static class WebSecuritySetup
{
    private const string RelaxedScriptsPolicy = "tools";
    private const string EvidencePreviewPolicy = "evidence-preview";

    public static void AddWebSecurity(this IHostApplicationBuilder builder)
    {
        builder.Services.Configure<HttpsOptions>(builder.Configuration.GetSection(HttpsOptions.Section));
        var https = builder.Configuration.GetSection(HttpsOptions.Section).Get<HttpsOptions>() ?? new HttpsOptions();
        builder.Services.AddHsts(o => o.MaxAge = https.HstsMaxAge);
        builder.Services.Configure<KestrelServerOptions>(o => o.AddServerHeader = false);

        var proxies = builder.Configuration.GetSection(ForwardedHeadersSettings.Section).Get<ForwardedHeadersSettings>() ?? new ForwardedHeadersSettings();
        builder.Services.Configure<ForwardedHeadersOptions>(o =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto | ForwardedHeaders.XForwardedHost;
            foreach (var proxy in proxies.KnownProxies) o.KnownProxies.Add(IPAddress.Parse(proxy));
            foreach (var network in proxies.KnownNetworks) o.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
        });

        builder.Services.AddSecurityHeaderPolicies()
            .SetDefaultPolicy(p => Common(p).AddContentSecurityPolicy(csp => Csp(csp, inlineScripts: false)))
            // Hangfire's dashboard and the Scalar reference page start with inline scripts of their own.
            .AddPolicy(RelaxedScriptsPolicy, p => Common(p).AddContentSecurityPolicy(csp => Csp(csp, inlineScripts: true)))
            // An evidence preview (a PDF or picture) is framed by the task and workflow pages of this origin only (ADR 0033).
            .AddPolicy(EvidencePreviewPolicy, p => Preview(p))
            .SetPolicySelector(context =>
                context.HttpContext.Request.Path.StartsWithSegments("/hangfire") || context.HttpContext.Request.Path.StartsWithSegments("/api/reference")
                    ? context.ConfiguredPolicies[RelaxedScriptsPolicy]
                    : Apis.EvidenceApi.IsPreview(context.HttpContext.Request.Path)
                        ? context.ConfiguredPolicies[EvidencePreviewPolicy]
                        : context.SelectedPolicy);
    }

    /// <summary>First in the pipeline, so that every response, errors included, passes through it.</summary>
    public static void UseWebSecurity(this WebApplication app)
    {
        app.UseForwardedHeaders();
        app.UseSecurityHeaders();
        var https = app.Configuration.GetSection(HttpsOptions.Section).Get<HttpsOptions>() ?? new HttpsOptions();
        if (https.Hsts) app.UseHsts();
        if (https.Redirect) app.UseHttpsRedirection();
    }

    private static HeaderPolicyCollection Common(HeaderPolicyCollection policies) => policies
        .AddContentTypeOptionsNoSniff()
        .AddFrameOptionsDeny()
        .AddReferrerPolicyStrictOriginWhenCrossOrigin()
        .AddCrossOriginOpenerPolicy(b => b.SameOrigin())
        .AddPermissionsPolicyWithDefaultSecureDirectives()
        .RemoveServerHeader();

    /// <summary>
    /// A PDF or picture shown inside the app's own pages: framed by this origin only, nothing loaded from anywhere else,
    /// no scripts. <c>object-src 'self'</c> because Chromium shows a PDF through its own viewer embedded in the frame.
    /// </summary>
    private static HeaderPolicyCollection Preview(HeaderPolicyCollection policies) => policies
        .AddContentTypeOptionsNoSniff()
        .AddFrameOptionsSameOrigin()
        .AddReferrerPolicyStrictOriginWhenCrossOrigin()
        .AddPermissionsPolicyWithDefaultSecureDirectives()
        .RemoveServerHeader()
        .AddContentSecurityPolicy(csp =>
        {
            csp.AddDefaultSrc().None();
            csp.AddImgSrc().Self();
            csp.AddStyleSrc().UnsafeInline();
            csp.AddObjectSrc().Self();
            csp.AddFrameAncestors().Self();
        });

    /// <summary>
    /// Blazor Server needs only its own script files and a WebSocket to this origin (<c>connect-src 'self'</c>);
    /// MudBlazor sets inline styles, hence <c>style-src 'unsafe-inline'</c>; no eval, no plug-ins, no framing.
    /// </summary>
    private static void Csp(CspBuilder csp, bool inlineScripts)
    {
        csp.AddDefaultSrc().Self();
        var scripts = csp.AddScriptSrc().Self();
        if (inlineScripts) scripts.UnsafeInline();
        csp.AddStyleSrc().Self().UnsafeInline();
        csp.AddImgSrc().Self().Data();
        csp.AddFontSrc().Self().Data();
        csp.AddConnectSrc().Self();
        csp.AddObjectSrc().None();
        csp.AddBaseUri().Self();
        csp.AddFormAction().Self();
        csp.AddFrameAncestors().None();
    }
}
