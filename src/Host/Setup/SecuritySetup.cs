using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;
using Shizhu.Host.Apis;
using Shizhu.Host.Configuration;
using Shizhu.Host.Identity;
using Shizhu.Notifications;
using Shizhu.Notifications.Audiences;

namespace Shizhu.Host.Setup;

public static class SecuritySetup
{
    private const string SmartScheme = "cookie-or-bearer";

    /// <summary>
    /// ASP.NET Core Identity; a cookie for the web UI and JWT bearer tokens for the API, chosen per request. Every endpoint
    /// needs an authenticated user unless it says otherwise. Settings are validated at start-up (ADR 0022).
    /// </summary>
    public static void AddSecurity(this IHostApplicationBuilder builder)
    {
        var production = builder.Environment.IsProduction();
        builder.Services.AddSingleton<StartupSettingsValidator>();
        AddValidated<AuthOptions>(builder, AuthOptions.Section);
        AddValidated<SeedOptions>(builder, SeedOptions.Section);
        AddValidated<KeyProtectionOptions>(builder, KeyProtectionOptions.Section);
        builder.Services.AddOptions<DatabaseOptions>().ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<DatabaseOptions>>(s => s.GetRequiredService<StartupSettingsValidator>());
        var signIn = builder.Configuration.GetSection(SignInLimits.Section).Get<SignInLimits>() ?? new SignInLimits();

        builder.Services.AddIdentityCore<AppUser>(o =>
            {
                o.Password.RequiredLength = 10;
                o.Password.RequireDigit = o.Password.RequireLowercase = o.Password.RequireUppercase = o.Password.RequireNonAlphanumeric = true;
                o.Password.RequiredUniqueChars = 5;
                o.Lockout.MaxFailedAccessAttempts = signIn.MaxFailedAttempts;
                o.Lockout.DefaultLockoutTimeSpan = signIn.LockoutDuration;
                o.User.RequireUniqueEmail = false;
            })
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<AppIdentityDbContext>()
            .AddSignInManager()
            .AddClaimsPrincipalFactory<AppClaimsPrincipalFactory>()
            .AddErrorDescriber<ChineseIdentityErrorDescriber>()
            .AddPasswordValidator<StrongPasswordValidator>();
        // AddIdentityCore leaves the cookie's security-stamp validator out; without it sign-out could not end a copied cookie.
        builder.Services.TryAddScoped<ISecurityStampValidator, SecurityStampValidator<AppUser>>();

        builder.Services.AddAuthentication(o =>
            {
                o.DefaultScheme = SmartScheme;
                o.DefaultChallengeScheme = SmartScheme;
            })
            .AddPolicyScheme(SmartScheme, "Cookie or bearer", o => o.ForwardDefaultSelector = SelectScheme)
            .AddJwtBearer()
            .AddIdentityCookies(cookies => cookies.ApplicationCookie!.Configure(o =>
            {
                o.LoginPath = "/login";
                o.Cookie.Name = "shizhu.auth";
                o.Cookie.HttpOnly = true;
                o.Cookie.SameSite = SameSiteMode.Lax;
                o.Cookie.SecurePolicy = production ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;
                o.ExpireTimeSpan = TimeSpan.FromHours(8);
                o.SlidingExpiration = true;
                // The API answers 401/403; only pages redirect to the login form.
                o.Events.OnRedirectToLogin = context => ApiAware(context, StatusCodes.Status401Unauthorized);
                o.Events.OnRedirectToAccessDenied = context => ApiAware(context, StatusCodes.Status403Forbidden);
            }));
        builder.Services.AddOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme)
            .Configure<IOptions<AuthOptions>>((o, auth) => ConfigureBearer(o, auth.Value));
        builder.Services.Configure<AntiforgeryOptions>(o =>
            o.Cookie.SecurePolicy = production ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest);

        // Sessions and tokens live on real time: moving the simulated clock must never log anyone out.
        builder.Services.ConfigureAll<CookieAuthenticationOptions>(o => o.TimeProvider = TimeProvider.System);
        builder.Services.ConfigureAll<JwtBearerOptions>(o => o.TimeProvider = TimeProvider.System);
        builder.Services.AddOptions<SecurityStampValidatorOptions>().Configure<IOptions<AuthOptions>>((o, auth) =>
        {
            o.TimeProvider = TimeProvider.System;
            o.ValidationInterval = auth.Value.SessionValidationInterval;
        });

        builder.Services.AddAuthorizationBuilder().AddShizhuPolicies();
        AddDataProtection(builder);
        builder.AddSignIn();
        builder.Services.AddSingleton<TokenService>();
        builder.Services.AddScoped<IdentitySeeder>();
        builder.Services.AddScoped<IRecipientDirectory, RecipientDirectory>();
        builder.Services.AddScoped<UserContacts>();
        builder.Services.AddCascadingAuthenticationState();
    }

    /// <summary>
    /// Bearer when the request carries one. A cookie is read for safe methods and for pages, but never for the API's
    /// state changes: a browser attaches the cookie to a foreign site's form post, a bearer token it cannot (CSRF, ADR 0022).
    /// The UI changes state through its circuit, not through the API, and its own form posts carry antiforgery tokens.
    /// </summary>
    private static string SelectScheme(HttpContext context)
    {
        if (context.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
            return JwtBearerDefaults.AuthenticationScheme;
        var unsafeMethod = !(HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method) || HttpMethods.IsOptions(context.Request.Method));
        return unsafeMethod && context.Request.Path.StartsWithSegments("/api")
            ? JwtBearerDefaults.AuthenticationScheme
            : IdentityConstants.ApplicationScheme;
    }

    private static void ConfigureBearer(JwtBearerOptions o, AuthOptions auth)
    {
        o.MapInboundClaims = false;
        o.TokenValidationParameters = new TokenValidationParameters
        {
            ValidIssuer = auth.Issuer,
            ValidAudience = auth.Audience,
            // Validation at start-up refuses a missing key before any token is read.
            IssuerSigningKey = auth.SigningKey is null ? null : TokenService.SigningKey(auth),
            NameClaimType = TokenService.NameClaim,
            RoleClaimType = TokenService.RoleClaim,
            ClockSkew = TimeSpan.FromMinutes(1),
        };
        o.Events = new JwtBearerEvents
        {
            OnTokenValidated = async context =>
            {
                var check = context.HttpContext.RequestServices.GetRequiredService<BearerTokenCheck>();
                if (!await check.IsCurrentAsync(context.Principal?.FindFirst("sub")?.Value, context.Principal?.FindFirst(BearerTokenCheck.StampClaim)?.Value))
                    context.Fail("The token was revoked: the user signed out or was disabled.");
            },
        };
    }

    /// <summary>
    /// Keys live in the database so every replica reads every cookie; with <c>DataProtection:CertificatePath</c> they
    /// are encrypted with that certificate (required in production; start-up validation names a bad one).
    /// </summary>
    private static void AddDataProtection(IHostApplicationBuilder builder)
    {
        var dataProtection = builder.Services.AddDataProtection().SetApplicationName("shizhu-workflows").PersistKeysToDbContext<AppIdentityDbContext>();
        var keys = builder.Configuration.GetSection(KeyProtectionOptions.Section).Get<KeyProtectionOptions>() ?? new KeyProtectionOptions();
        if (string.IsNullOrEmpty(keys.CertificatePath) || !File.Exists(keys.CertificatePath)) return;
        try
        {
            dataProtection.ProtectKeysWithCertificate(KeyProtectionCertificate.Load(keys));
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            // Left to start-up validation, which refuses to start and says why.
        }
    }

    private static void AddValidated<T>(IHostApplicationBuilder builder, string section) where T : class
    {
        builder.Services.AddOptions<T>().Bind(builder.Configuration.GetSection(section)).ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<T>>(s => (IValidateOptions<T>)(object)s.GetRequiredService<StartupSettingsValidator>());
    }

    private static Task ApiAware(RedirectContext<CookieAuthenticationOptions> context, int status)
    {
        if (context.Request.Path.StartsWithSegments("/api") || context.Request.Path.StartsWithSegments("/openapi"))
            context.Response.StatusCode = status;
        else
            context.Response.Redirect(context.RedirectUri);
        return Task.CompletedTask;
    }
}
