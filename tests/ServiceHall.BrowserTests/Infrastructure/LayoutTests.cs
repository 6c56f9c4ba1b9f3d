using Microsoft.Playwright;

namespace ServiceHall.BrowserTests.Infrastructure;

/// <summary>The layout check itself: it finds what a person would see wrong, and passes a page that is right.</summary>
public sealed class LayoutTests(BrowserHall hall) : IClassFixture<BrowserHall>
{
    private const string Style = "<style>body{margin:0;font:24px sans-serif} button{width:100px;height:80px}</style>";

    [Fact]
    public async Task Problems_TidyPage_None()
    {
        var page = await PageAsync($"{Style}<h1>请A001号到3号窗口办理</h1><button>取号</button><button>返回</button>");
        Assert.Empty(await Layout.ProblemsAsync(page, LayoutRules.Touch));
        await Layout.AssertCjkRenderedAsync(page);
    }

    [Fact]
    public async Task Problems_OverlappingText_Reported()
    {
        var page = await PageAsync($"{Style}<p style='position:absolute;top:10px'>一号窗口</p><p style='position:absolute;top:20px'>二号窗口</p>");
        Assert.Contains(await Layout.ProblemsAsync(page, LayoutRules.Screen), p => p.Contains("overlaps"));
    }

    [Fact]
    public async Task Problems_CounterCutOffByItsGrid_Reported()
    {
        var cards = string.Concat(Enumerable.Range(1, 30).Select(n => $"<div style='height:100px'>{n}号窗口</div>"));
        var page = await PageAsync($"{Style}<main style='height:300px;overflow:hidden'>{cards}</main>");
        Assert.Contains(await Layout.ProblemsAsync(page, LayoutRules.Screen), p => p.Contains("cut off"));
    }

    [Fact]
    public async Task Problems_ContentBelowTheScreen_ReportedUnlessThePageScrolls()
    {
        var page = await PageAsync($"{Style}<div style='height:900px'></div><p>底部</p>");
        Assert.Contains(await Layout.ProblemsAsync(page, LayoutRules.Screen), p => p.Contains("outside"));
        Assert.Empty(await Layout.ProblemsAsync(page, LayoutRules.Scrolling));
    }

    [Fact]
    public async Task Problems_WiderThanTheScreen_ReportedEvenWhenThePageScrolls()
    {
        var page = await PageAsync($"{Style}<p style='width:2000px'>很长的一行</p>");
        Assert.Contains(await Layout.ProblemsAsync(page, LayoutRules.Scrolling), p => p.Contains("wide"));
    }

    [Fact]
    public async Task Problems_SmallButtonOnTouchScreen_Reported()
    {
        var page = await PageAsync($"{Style}<button style='width:40px;height:30px'>满意</button>");
        Assert.Contains(await Layout.ProblemsAsync(page, LayoutRules.Touch), p => p.Contains("touch target"));
        Assert.Empty(await Layout.ProblemsAsync(page, LayoutRules.Screen));
    }

    private async Task<IPage> PageAsync(string html)
    {
        var page = await hall.NewPageAsync(1280, 800);
        await page.SetContentAsync($"<!doctype html><html lang='zh-CN'><body>{html}</body></html>");
        return page;
    }
}
