using Hangfire;
using Scalar.AspNetCore;
using Shizhu.Host.Apis;
using Shizhu.Host.Bulletins;
using Shizhu.Host.Components;
using Shizhu.Host.Telemetry;

namespace Shizhu.Host.Setup;

public static class EndpointSetup
{
    /// <summary>
    /// The request pipeline and every route but the Hangfire dashboard's (<see cref="MapJobDashboard"/>), in one place.
    /// Touches no database, so it runs while the schema is checked (Program.cs).
    /// </summary>
    public static void MapApplication(this WebApplication app)
    {
        app.UseWebSecurity();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        // Pages answer a person with a Chinese page (ADR 0033); the API keeps its problem documents above.
        app.UseWhen(context => PagePaths.IsPage(context.Request.Path), page => page.UseChineseStatusPages());
        app.UseMiddleware<Errors.JsonBodyGuard>();
        app.UseRateLimiter();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseAntiforgery();

        app.MapHealth();
        app.MapMetrics();
        app.MapStaticAssets().AllowAnonymous();
        app.MapOpenApi();
        // Everything the reference page loads comes from this Host: Scalar's script is embedded in its package and
        // served here; its default fonts (a CDN), telemetry, AI agent and MCP features would reach outside hosts.
        app.MapScalarApiReference("/api/reference", o => o.DisableDefaultFonts().DisableTelemetry().DisableAgent().DisableMcp());

        app.MapAuthApi();
        app.MapReferenceDataApi();
        app.MapUsersApi();
        app.MapContactsApi();
        app.MapWorkflowsApi();
        app.MapTasksApi();
        app.MapTaskOperationsApi();
        app.MapEvidenceApi();
        app.MapAlertsApi();
        app.MapClockApi();
        app.MapIncidentsApi();
        app.MapCalendarApi();
        app.MapTemplatesApi();
        app.MapWorkflowDiagramApi();
        app.MapPlansApi();
        app.MapDeliveriesApi();
        app.MapNotificationPreferencesApi();
        app.MapMigrationsApi();
        app.MapTitlesApi();
        app.MapTargetsApi();
        app.MapSubsidiesApi();
        app.MapSupervisionApi();
        app.MapDashboardApi();
        app.MapBulletinsApi();

        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
    }

    /// <summary>
    /// Hangfire's dashboard, mapped once the database answers: mapping it resolves the job storage, which connects to
    /// the database (and installs Hangfire's schema) as it is built.
    /// </summary>
    public static void MapJobDashboard(this WebApplication app) =>
        app.MapHangfireDashboard("/hangfire", new DashboardOptions { Authorization = [], AsyncAuthorization = [] })
            .RequireAuthorization(Policies.CountyAdmin);
}
