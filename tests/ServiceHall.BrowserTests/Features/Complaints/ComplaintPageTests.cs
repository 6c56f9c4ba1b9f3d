using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using ServiceHall.BrowserTests.Infrastructure;
using ServiceHall.Core.Features.Identity;
using static Microsoft.Playwright.Assertions;

namespace ServiceHall.BrowserTests.Features.Complaints;

/// <summary>The online complaint form and its tracking (S2) on a 1280×800 screen and a 360×740 phone: big targets, found again by number and phone, the reply once given.</summary>
public sealed class ComplaintPageTests(BrowserHall hall) : IClassFixture<BrowserHall>
{
    private readonly string? _folder = Environment.GetEnvironmentVariable("SERVICEHALL_SCREENSHOTS");
    private static readonly LayoutRules Form = LayoutRules.Scrolling with { MinTouchTarget = 64 };

    [Theory]
    [InlineData(1280, 800, "complain-zh", "complain-track-zh")]
    [InlineData(360, 740, "complain-phone-zh", "complain-track-phone-zh")]
    public async Task NamedComplaint_FoundByNumberAndPhone_ReplyShownWithItsDate(int width, int height, string formShot, string trackShot)
    {
        var page = await hall.NewPageAsync(width, height);
        await page.GotoAsync($"/complain/{hall.HallId}");
        await page.GetByLabel("标题").FillAsync($"窗口等候太久 {width}");
        await page.GetByLabel("投诉内容").FillAsync("上午九点取号，排到十一点才办理，期间只开了一个窗口。");
        await page.GetByLabel("匿名投诉").UncheckAsync(); // name and phone asked
        await page.GetByLabel("姓名").FillAsync("王五");
        await page.GetByLabel("联系电话").First.FillAsync("137-0000-1234");
        await Layout.AssertAsync(page, Form);
        await Layout.AssertCjkRenderedAsync(page);
        await SaveAsync(page, formShot);
        await page.GetByRole(AriaRole.Button, new() { Name = "提交投诉" }).ClickAsync();
        var received = page.GetByRole(AriaRole.Status);
        await Expect(received).ToContainTextAsync("投诉已受理，编号 TS");
        var number = await page.Locator("#tracking-number").TextContentAsync();

        // A wrong phone is told the same as an unknown number.
        await page.GotoAsync($"/complain/{hall.HallId}");
        await page.GetByLabel("投诉编号").FillAsync(number!);
        await page.Locator("#find-phone").FillAsync("13700001235");
        await page.GetByRole(AriaRole.Button, new() { Name = "查询", Exact = true }).ClickAsync();
        await Expect(page.Locator("#find-error")).ToHaveTextAsync("找不到该投诉。");

        await ReplyAsync($"窗口等候太久 {width}", "已在上午高峰增开两个综合窗口，感谢您的监督。");
        await page.Locator("#find-phone").FillAsync("13700001234");
        await page.GetByRole(AriaRole.Button, new() { Name = "查询", Exact = true }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/complain/track/"));
        await Expect(page.Locator("#status")).ToHaveTextAsync("已答复");
        await Expect(page.Locator("#reply")).ToHaveTextAsync("已在上午高峰增开两个综合窗口，感谢您的监督。");
        var today = TimeZoneInfo.ConvertTimeBySystemTimeZoneId(DateTime.UtcNow, "Asia/Shanghai");
        await Expect(page.Locator("#replied-on")).ToHaveTextAsync($"{today.Year}年{today.Month}月{today.Day}日 答复");
        await Expect(page.GetByText("前答复")).ToHaveCountAsync(0); // the promise gives way to the reply
        await Layout.AssertAsync(page, Form);
        await SaveAsync(page, trackShot);
    }

    private async Task ReplyAsync(string title, string reply)
    {
        using var supervisor = await hall.SignedInAsync("supervisor");
        var complaints = await supervisor.GetFromJsonAsync<JsonArray>($"/api/halls/{hall.HallId}/complaints");
        var id = complaints!.First(c => c!["title"]!.GetValue<string>() == title)!["id"]!.GetValue<string>();
        using var staff = await hall.SignedInAsync("staff1");
        Guid staffId;
        using (var scope = hall.Services.CreateScope())
            staffId = (await scope.ServiceProvider.GetRequiredService<UserManager<User>>().FindByNameAsync("staff1"))!.Id;
        (await supervisor.PostAsJsonAsync($"/api/complaints/{id}/assign", new { assigneeUserId = staffId })).EnsureSuccessStatusCode();
        (await staff.PostAsJsonAsync($"/api/complaints/{id}/investigate", new { note = "查看叫号记录" })).EnsureSuccessStatusCode();
        (await staff.PostAsJsonAsync($"/api/complaints/{id}/reply", new { finding = "高峰窗口不足", reply })).EnsureSuccessStatusCode();
    }

    private async Task SaveAsync(IPage page, string name)
    {
        if (_folder is null)
            return;
        Directory.CreateDirectory(_folder);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(_folder, $"{name}.png"), FullPage = true });
    }
}
