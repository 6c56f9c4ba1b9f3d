using MudBlazor;

namespace ServiceHall.Web.Components.Layout;

/// <summary>One theme for every signed-in page: the light pages' blue, fonts that carry Chinese.</summary>
public static class HallTheme
{
    private static readonly string[] Fonts =
        ["Noto Sans CJK SC", "Noto Sans SC", "PingFang SC", "Microsoft YaHei", "Source Han Sans SC", "system-ui", "sans-serif"];

    public static readonly MudTheme Theme = new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = "#0b5cad",
            Secondary = "#c62828",
            AppbarBackground = "#0b3d75",
            Background = "#f4f6f9",
            DrawerBackground = "#ffffff",
        },
        Typography = new Typography
        {
            Default = new DefaultTypography { FontFamily = Fonts },
            // Upper case means nothing in Chinese and shouts in English.
            Button = new ButtonTypography { TextTransform = "none" },
        },
    };
}
