using Microsoft.Playwright;
using ServiceHall.BrowserTests.Infrastructure;
using ServiceHall.BrowserTests.Pages;
using static Microsoft.Playwright.Assertions;

namespace ServiceHall.BrowserTests.Features.Admin;

/// <summary>The administrator sets up the hall in /admin; what is saved is live at once.</summary>
public sealed class AdminTests(BrowserHall hall) : IClassFixture<BrowserHall>
{
    [Fact]
    public async Task AddServiceItem_AppearsAtTheKiosk()
    {
        var admin = await AdminPage.OpenAsync(await hall.NewPageAsync(1366, 768));
        await admin.OpenTabAsync("事项");
        await admin.Button("新建事项").ClickAsync();
        await admin.Field("事项名称").FillAsync("公积金提取");
        await admin.Field("号票前缀").FillAsync("q");
        await admin.Field("排队人数阈值").FillAsync("6");
        await admin.SaveAsync();

        await Expect(admin.Dialog).ToHaveCountAsync(0);
        await Expect(admin.Row("公积金提取")).ToContainTextAsync("Q");
        await Expect(admin.Row("公积金提取")).ToContainTextAsync("6 人 / 10 分钟");

        var kiosk = new KioskPage(await hall.NewPageAsync());
        await kiosk.GotoAsync(hall.HallId);
        // At the kiosk at once; no counter serves it yet, so it is greyed out with that reason rather than promising a wait.
        await Expect(kiosk.Item("公积金提取")).ToBeVisibleAsync();
        await Expect(kiosk.Item("公积金提取")).ToBeDisabledAsync();
        await Expect(kiosk.Item("公积金提取")).ToContainTextAsync("暂无窗口办理");
    }

    [Fact]
    public async Task NewItemAndCounter_InvalidInput_ValidationMessagesShown()
    {
        var admin = await AdminPage.OpenAsync(await hall.NewPageAsync(1366, 768));
        await admin.OpenTabAsync("事项");
        await admin.Button("新建事项").ClickAsync();
        await admin.Field("号票前缀").FillAsync("A1");
        await admin.SaveAsync();
        await Expect(admin.DialogText("必填")).ToBeVisibleAsync();
        await Expect(admin.DialogText("须为 1–3 个大写英文字母")).ToBeVisibleAsync();

        await admin.Field("号票前缀").FillAsync("A");
        await admin.SaveAsync();
        await Expect(admin.DialogText("前缀 A 已被本大厅其他事项使用")).ToBeVisibleAsync();
        await admin.CancelAsync();

        // A refusal only the server can give (the number is taken) is shown in the dialog, which stays open.
        await admin.OpenTabAsync("窗口");
        await admin.Button("新建窗口").ClickAsync();
        await admin.Field("窗口号").FillAsync("1");
        await admin.Field("窗口名称").FillAsync("综合窗口");
        await admin.SaveAsync();
        await Expect(admin.DialogError).ToHaveTextAsync("本大厅已有 1 号窗口。");
        await Expect(admin.Dialog).ToBeVisibleAsync();
    }

    [Fact]
    public async Task Supervisor_CannotOpenAdmin()
    {
        var page = await LoginPage.SignedInAsync(await hall.NewPageAsync(), "supervisor", "/dashboard");
        await page.GotoAsync("/admin");
        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("无权访问");
        await Expect(page.GetByRole(AriaRole.Tab, new() { Name = "事项" })).ToHaveCountAsync(0);
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "系统设置" })).ToHaveCountAsync(0);
    }
}
