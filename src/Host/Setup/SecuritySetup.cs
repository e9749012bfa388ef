using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
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
    /// ASP.NET Core Identity; a cookie for the web UI and JWT bearer tokens for the API, chosen per request by
    /// the Authorization header. Every endpoint needs an authenticated user unless it says otherwise.
    /// </summary>
    public static void AddSecurity(this IHostApplicationBuilder builder)
    {
        var section = builder.Configuration.GetSection(AuthOptions.Section);
        builder.Services.Configure<AuthOptions>(section);
        var auth = section.Get<AuthOptions>() ?? new AuthOptions();
        if (auth.SigningKey is not { Length: >= 32 })
            throw new InvalidOperationException("Auth:SigningKey must be configured with at least 32 characters (environment variable Auth__SigningKey).");

        builder.Services.AddIdentityCore<AppUser>(o =>
            {
                o.Password.RequiredLength = 8;
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.User.RequireUniqueEmail = false;
            })
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<AppIdentityDbContext>()
            .AddSignInManager()
            .AddClaimsPrincipalFactory<AppClaimsPrincipalFactory>()
            .AddErrorDescriber<ChineseIdentityErrorDescriber>();

        builder.Services.AddAuthentication(o =>
            {
                o.DefaultScheme = SmartScheme;
                o.DefaultChallengeScheme = SmartScheme;
            })
            .AddPolicyScheme(SmartScheme, "Cookie or bearer", o => o.ForwardDefaultSelector = context =>
                context.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
                    ? JwtBearerDefaults.AuthenticationScheme
                    : IdentityConstants.ApplicationScheme)
            .AddJwtBearer(o =>
            {
                o.MapInboundClaims = false;
                o.TokenValidationParameters = new TokenValidationParameters
                {
                    ValidIssuer = auth.Issuer,
                    ValidAudience = auth.Audience,
                    IssuerSigningKey = TokenService.SigningKey(auth),
                    NameClaimType = TokenService.NameClaim,
                    RoleClaimType = TokenService.RoleClaim,
                    ClockSkew = TimeSpan.FromMinutes(1),
                };
            })
            .AddIdentityCookies(cookies => cookies.ApplicationCookie!.Configure(o =>
            {
                o.LoginPath = "/login";
                o.Cookie.Name = "shizhu.auth";
                o.Cookie.HttpOnly = true;
                o.Cookie.SameSite = SameSiteMode.Lax;
                o.ExpireTimeSpan = TimeSpan.FromHours(8);
                o.SlidingExpiration = true;
                // The API answers 401/403; only pages redirect to the login form.
                o.Events.OnRedirectToLogin = context => ApiAware(context, StatusCodes.Status401Unauthorized);
                o.Events.OnRedirectToAccessDenied = context => ApiAware(context, StatusCodes.Status403Forbidden);
            }));

        // Sessions and tokens live on real time: moving the simulated clock must never log anyone out.
        builder.Services.ConfigureAll<CookieAuthenticationOptions>(o => o.TimeProvider = TimeProvider.System);
        builder.Services.ConfigureAll<JwtBearerOptions>(o => o.TimeProvider = TimeProvider.System);
        builder.Services.Configure<SecurityStampValidatorOptions>(o => o.TimeProvider = TimeProvider.System);

        builder.Services.AddAuthorizationBuilder().AddShizhuPolicies();
        builder.Services.AddDataProtection().SetApplicationName("shizhu-workflows").PersistKeysToDbContext<AppIdentityDbContext>();
        builder.Services.Configure<SeedOptions>(builder.Configuration.GetSection(SeedOptions.Section));
        builder.Services.AddSingleton<TokenService>();
        builder.Services.AddScoped<IdentitySeeder>();
        builder.Services.AddScoped<IRecipientDirectory, RecipientDirectory>();
        builder.Services.AddCascadingAuthenticationState();
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
