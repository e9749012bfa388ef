using MudBlazor.Services;

namespace Shizhu.Host.Setup;

public static class WebUiSetup
{
    /// <summary>The Blazor (interactive server) UI with MudBlazor.</summary>
    public static void AddWebUi(this IHostApplicationBuilder builder)
    {
        builder.Services.AddRazorComponents().AddInteractiveServerComponents();
        builder.Services.AddMudServices();
        builder.Services.AddScoped<Shizhu.Host.Components.Services.EngineGateway>();
    }
}
