using Hangfire;
using Scalar.AspNetCore;
using Shizhu.Host.Apis;
using Shizhu.Host.Components;

namespace Shizhu.Host.Setup;

public static class EndpointSetup
{
    /// <summary>The request pipeline and every route, in one place.</summary>
    public static void MapApplication(this WebApplication app)
    {
        app.UseWebSecurity();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseMiddleware<Errors.JsonBodyGuard>();
        app.UseRateLimiter();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseAntiforgery();

        app.MapHealth();
        app.MapStaticAssets().AllowAnonymous();
        app.MapOpenApi();
        app.MapScalarApiReference("/api/reference");
        app.MapHangfireDashboard("/hangfire", new DashboardOptions { Authorization = [], AsyncAuthorization = [] })
            .RequireAuthorization(Policies.CountyAdmin);

        app.MapAuthApi();
        app.MapReferenceDataApi();
        app.MapUsersApi();
        app.MapWorkflowsApi();
        app.MapTasksApi();
        app.MapAlertsApi();
        app.MapClockApi();
        app.MapIncidentsApi();
        app.MapCalendarApi();
        app.MapTemplatesApi();
        app.MapPlansApi();

        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
        app.UseTimerSweep();
    }
}
