using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Playwright;
using ServiceHall.BrowserTests.Infrastructure;
using ServiceHall.BrowserTests.Pages;
using ServiceHall.Core.Features.Halls;
using static Microsoft.Playwright.Assertions;

namespace ServiceHall.BrowserTests.Features.Halls;

/// <summary>
/// P7, modules on or off: the demo's property desk uses inquiries and complaints only (its template), so its kiosk offers
/// no 办事指南 and no 预约签到, its staff see no 办件 in the menu and "not used" on the page; the administrator switches
/// guides on in 系统设置 → 功能模块 and the kiosk offers them. With <c>SERVICEHALL_SCREENSHOTS</c> set, the modules tab and the
/// "not used" page are written as admin-modules-zh.png and module-not-used-zh.png.
/// </summary>
public sealed class HallModulesPageTests(BrowserHall hall) : IClassFixture<BrowserHall>
{
    private readonly string? _folder = Environment.GetEnvironmentVariable("SERVICEHALL_SCREENSHOTS");
    private static readonly DemoKindHall Property = SeedDemoKindHalls.Halls.Single(h => h.Kind == HallKind.PropertyDesk);

    [Fact]
    public async Task PropertyDesk_WithoutGuidesOrAppointments_KioskAndStaffPagesLeaveThemOut_AdminSwitchesGuidesOn()
    {
        var hallId = await HallIdAsync(Property.Name);
        var kiosk = new KioskPage(await hall.NewPageAsync(1280, 800));
        await kiosk.GotoAsync(hallId);
        await Expect(kiosk.Item("物业缴费")).ToBeVisibleAsync();
        await Expect(kiosk.Page.Locator(".guide-button").First).ToBeHiddenAsync();
        await Expect(kiosk.Button("预约签到")).ToBeHiddenAsync();
        await Layout.AssertAsync(kiosk.Page, LayoutRules.Touch);

        var staff = await LoginPage.SignedInAsync(await hall.NewPageAsync(1366, 768), $"{Property.Accounts}-staff1", "/counter");
        var menu = staff.GetByRole(AriaRole.Navigation);
        await Expect(menu.GetByRole(AriaRole.Link, new() { Name = "咨询", Exact = true })).ToBeVisibleAsync();
        await Expect(menu.GetByRole(AriaRole.Link, new() { Name = "投诉承办", Exact = true })).ToBeVisibleAsync();
        await Expect(menu.GetByRole(AriaRole.Link, new() { Name = "办件", Exact = true })).ToHaveCountAsync(0);
        await staff.GotoAsync("/cases");
        await Expect(staff.GetByTestId("module-not-used")).ToContainTextAsync("办件与一次性告知");
        await Expect(staff.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("本大厅未使用此功能");
        await Layout.AssertAsync(staff, LayoutRules.BackOffice);
        await SaveAsync(staff, "module-not-used-zh");

        var admin = await AdminPage.OpenAsync(await hall.NewPageAsync(1366, 768));
        await admin.Page.GetByLabel("大厅", new() { Exact = true }).ClickAsync();
        await admin.Page.GetByRole(AriaRole.Option, new() { Name = Property.Name, Exact = true }).ClickAsync();
        await admin.OpenTabAsync("功能模块");
        var guides = admin.Page.GetByRole(AriaRole.Switch, new() { Name = "办事指南" })
            .Or(admin.Page.GetByRole(AriaRole.Checkbox, new() { Name = "办事指南" })).First;
        await Expect(guides).Not.ToBeCheckedAsync();
        await guides.ClickAsync();
        await admin.Button("保存").ClickAsync();
        // The change is recorded with who and when.
        await Expect(admin.Row("办事指南")).ToContainTextAsync("开启");
        await Expect(admin.Page.Locator(".mud-snackbar")).ToHaveCountAsync(0, new() { Timeout = 15_000 });
        await Layout.AssertAsync(admin.Page, LayoutRules.BackOffice);
        await SaveAsync(admin.Page, "admin-modules-zh");

        await kiosk.GotoAsync(hallId);
        await Expect(kiosk.Page.Locator(".guide-button").First).ToBeVisibleAsync();
        await Expect(kiosk.Button("预约签到")).ToBeHiddenAsync();
        await Layout.AssertAsync(kiosk.Page, LayoutRules.Touch);
    }

    private async Task<Guid> HallIdAsync(string name)
    {
        using var http = hall.Http();
        var halls = await http.GetFromJsonAsync<JsonArray>("/api/halls");
        return halls!.Single(h => h!["name"]!.GetValue<string>() == name)!["id"]!.GetValue<Guid>();
    }

    private async Task SaveAsync(IPage page, string name)
    {
        if (_folder is null)
            return;
        Directory.CreateDirectory(_folder);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(_folder, $"{name}.png") });
    }
}
