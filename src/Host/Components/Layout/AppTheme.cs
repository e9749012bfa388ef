using MudBlazor;

namespace Shizhu.Host.Components.Layout;

/// <summary>The application's look: MudBlazor's default palette, with fonts that exist offline and show Chinese.</summary>
public static class AppTheme
{
    private static readonly string[] Fonts =
    [
        "\"PingFang SC\"", "\"Microsoft YaHei\"", "\"Noto Sans CJK SC\"", "\"Noto Sans SC\"",
        "\"WenQuanYi Micro Hei\"", "\"Source Han Sans SC\"", "system-ui", "sans-serif",
    ];

    public static readonly MudTheme Theme = new()
    {
        Typography = new Typography { Default = new DefaultTypography { FontFamily = Fonts } },
        PaletteLight = new PaletteLight { Primary = "#1565c0", AppbarBackground = "#1565c0" },
    };
}
