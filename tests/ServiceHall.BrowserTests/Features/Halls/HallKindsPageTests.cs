using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Playwright;
using ServiceHall.BrowserTests.Infrastructure;
using ServiceHall.BrowserTests.Pages;
using ServiceHall.Core.Features.Halls;
using static Microsoft.Playwright.Assertions;

namespace ServiceHall.BrowserTests.Features.Halls;

/// <summary>
/// P7: the demo's hospital, ticket office and property desk, each from its template, at their kiosks (1280×800)
/// and displays (1920×1080). With <c>SERVICEHALL_SCREENSHOTS</c> set, each kiosk and display is written to
/// docs/screenshots as kiosk-{kind}-zh.png and display-{kind}-zh.png.
/// </summary>
public sealed class HallKindsPageTests(BrowserHall hall) : IClassFixture<BrowserHall>
{
    private readonly string? _folder = Environment.GetEnvironmentVariable("SERVICEHALL_SCREENSHOTS");

    [Fact]
    public async Task Hospital_KioskAddressesPatients_DisplayCallsThePharmacyToCollectMedicine()
    {
        var hospital = await HallIdAsync("hospital");
        var kiosk = new KioskPage(await hall.NewPageAsync(1280, 800));
        await kiosk.GotoAsync(hospital);
        await Expect(kiosk.Page.Locator("#greeting")).ToHaveTextAsync("患者朋友，您好！");
        await Expect(kiosk.Item("门诊取药")).ToBeVisibleAsync();
        await Layout.AssertAsync(kiosk.Page, LayoutRules.Touch);
        await SaveAsync(kiosk.Page, "kiosk-hospital-zh");

        var display = await OpenDisplayAsync(hospital, "hospital-display1");
        await kiosk.TakeTicketAsync("门诊取药", "普通");
        await Expect(kiosk.TicketNumber).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"^C\d{3}$"));
        var number = (await kiosk.TicketNumber.TextContentAsync())!.Trim();

        // The pharmacy is counters 3 and 4 of the hospital's template.
        await CallNextAsync(hospital, "hospital-staff1", 3);
        var words = $"请{number}号到3号窗口取药";
        await Expect(display.Page.Locator("#announce")).ToHaveTextAsync(words);
        await Expect(display.CounterNumber(3)).ToContainTextAsync(number);
        // The banner breaks before the counter, never inside 窗口 (it read "…3号窗 / 口取药"): the counter's part is one line.
        var counterPart = display.Page.Locator("#announce .part").Last;
        await Expect(counterPart).ToHaveTextAsync("3号窗口取药");
        var lineHeight = await counterPart.EvaluateAsync<double>("e => parseFloat(getComputedStyle(e).lineHeight)");
        Assert.True((await counterPart.BoundingBoxAsync())!.Height < lineHeight * 1.5, "3号窗口取药 wraps inside itself");
        // The voice says the same words, from the recorded clips where the browser has no Chinese voice.
        DisplayPage.Played[] said = [];
        for (var i = 0; i < 100 && !said.Any(p => p.Kind != "chime" && p.End > 0); i++)
        {
            await Task.Delay(200);
            said = await display.PlayedAsync();
        }
        var announcement = said.First(p => p.Kind != "chime");
        Assert.Equal(words, announcement.Text);
        if (announcement.Kind == "clips")
            Assert.Equal("quyao", announcement.Clips![^1]);
        await Layout.AssertAsync(display.Page, LayoutRules.Screen);
        await SaveAsync(display.Page, "display-hospital-zh");
    }

    [Theory]
    [InlineData("ticketOffice", "station", "旅客朋友，您好！", "购票", "售票")]
    [InlineData("propertyDesk", "property", "业主朋友，您好！", "物业缴费", "缴费")]
    public async Task OtherKinds_KioskGreetsByTheHallsWord_DisplayCallsInTheItemsWords(string kind, string accounts, string greeting,
        string item, string action)
    {
        var hallId = await HallIdAsync(kind);
        var kiosk = new KioskPage(await hall.NewPageAsync(1280, 800));
        await kiosk.GotoAsync(hallId);
        await Expect(kiosk.Page.Locator("#greeting")).ToHaveTextAsync(greeting);
        await Layout.AssertAsync(kiosk.Page, LayoutRules.Touch);
        await SaveAsync(kiosk.Page, $"kiosk-{kind}-zh");

        var display = await OpenDisplayAsync(hallId, $"{accounts}-display1");
        await kiosk.TakeTicketAsync(item, "普通");
        await Expect(kiosk.TicketNumber).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"^A\d{3}$"));
        var number = (await kiosk.TicketNumber.TextContentAsync())!.Trim();
        await CallNextAsync(hallId, $"{accounts}-staff1", 1);
        await Expect(display.Page.Locator("#announce")).ToHaveTextAsync($"请{number}号到1号窗口{action}");
        await Layout.AssertAsync(display.Page, LayoutRules.Screen);
        await SaveAsync(display.Page, $"display-{kind}-zh");
    }

    [Fact]
    public async Task KioskInEnglish_UsesTheHallsEnglishWord()
    {
        var kiosk = new KioskPage(await hall.NewPageAsync(1280, 800));
        await kiosk.GotoAsync(await HallIdAsync("hospital"), "en");
        await Expect(kiosk.Page.Locator("#greeting")).ToHaveTextAsync("Welcome, dear patient.");
        await Layout.AssertAsync(kiosk.Page, LayoutRules.Touch);
    }

    [Fact]
    public async Task Admin_NewHospital_StartsFromItsTemplate_RowsOfItsOwn()
    {
        var admin = await AdminPage.OpenAsync(await hall.NewPageAsync(1366, 768));
        await admin.Button("新建大厅").ClickAsync();
        await admin.Dialog.GetByLabel("大厅类型").ClickAsync();
        await admin.Page.GetByRole(AriaRole.Option, new() { Name = "医院窗口", Exact = true }).ClickAsync();
        // The form shows what the template sets before anything is saved.
        await Expect(admin.Field("对服务对象的称呼")).ToHaveValueAsync("患者");
        await Expect(admin.Field("开门时间").First).ToHaveValueAsync("00:00");
        await admin.Field("名称").FillAsync("滨江医院东院区");
        await admin.SaveAsync();
        await Expect(admin.Dialog).ToHaveCountAsync(0);

        await Expect(admin.Page.GetByTestId("hall-kind-value")).ToContainTextAsync("医院窗口 · 患者 / patient");
        await admin.OpenTabAsync("部门");
        await Expect(admin.Row("门诊药房")).ToBeVisibleAsync();
        await admin.OpenTabAsync("事项");
        await Expect(admin.Row("门诊取药")).ToContainTextAsync("C");
        // The "已保存" notice lies over the hall picker for a few seconds, by design.
        await Expect(admin.Page.Locator(".mud-snackbar")).ToHaveCountAsync(0, new() { Timeout = 15_000 });
        await Layout.AssertAsync(admin.Page, LayoutRules.BackOffice);
    }

    private async Task<Guid> HallIdAsync(string kind)
    {
        using var http = hall.Http();
        var halls = await http.GetFromJsonAsync<JsonArray>("/api/halls");
        // The demo's hall of that kind (a test here creates another hospital).
        var name = SeedDemoKindHalls.Halls.Single(h => string.Equals(h.Kind.ToString(), kind, StringComparison.OrdinalIgnoreCase)).Name;
        var demo = halls!.Single(h => h!["name"]!.GetValue<string>() == name)!;
        Assert.Equal(kind, demo["kind"]!.GetValue<string>());
        return demo["id"]!.GetValue<Guid>();
    }

    private async Task<DisplayPage> OpenDisplayAsync(Guid hallId, string account)
    {
        var display = new DisplayPage(await hall.NewPageAsync(1920, 1080));
        await display.GotoAsync(hallId, account: account);
        var sound = display.Page.GetByRole(AriaRole.Button, new() { Name = "点击此处启用语音播报" });
        if (await sound.IsVisibleAsync())
            await sound.ClickAsync();
        return display;
    }

    /// <summary>A staff member of the hall opens counter <paramref name="number"/> and calls the next ticket.</summary>
    private async Task CallNextAsync(Guid hallId, string staff, int number)
    {
        using var http = await hall.SignedInAsync(staff);
        var counters = await http.GetFromJsonAsync<JsonArray>($"/api/halls/{hallId}/counters");
        var id = counters!.First(c => c!["number"]!.GetValue<int>() == number)!["id"]!.GetValue<string>();
        (await http.PostAsync($"/api/counters/{id}/open", null)).EnsureSuccessStatusCode();
        (await http.PostAsync($"/api/counters/{id}/call-next", null)).EnsureSuccessStatusCode();
    }

    private async Task SaveAsync(IPage page, string name)
    {
        if (_folder is null)
            return;
        Directory.CreateDirectory(_folder);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(_folder, $"{name}.png") });
    }
}
