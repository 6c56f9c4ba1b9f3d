using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using ServiceHall.BrowserTests.Infrastructure;
using ServiceHall.BrowserTests.Pages;
using static Microsoft.Playwright.Assertions;

namespace ServiceHall.BrowserTests.Features.Cases;

/// <summary>
/// M2–M5 at the counter: register a case for the ticket being served, issue a one-time notice, resume
/// on 补正, accept, and see the promised date from the working-day calendar; the printed notice as PDF.
/// </summary>
public sealed class CounterCaseFlowTests(BrowserHall hall) : IClassFixture<BrowserHall>
{
    [Fact]
    public async Task Register_Notice_Resubmit_Accept_PromisedDateShown()
    {
        // staff1 serves a ticket of 企业开办登记 (A) at counter 1, through the API.
        var api = await hall.SignedInAsync("staff1");
        var counters = await api.GetFromJsonAsync<JsonArray>($"/api/halls/{hall.HallId}/counters");
        var counter = counters!.First(c => c!["number"]!.GetValue<int>() == 1)!["id"]!.GetValue<Guid>();
        var items = await api.GetFromJsonAsync<JsonArray>($"/api/halls/{hall.HallId}/service-items");
        var item = items!.First(i => i!["prefix"]!.GetValue<string>() == "A")!["id"]!.GetValue<Guid>();
        (await api.PostAsync($"/api/counters/{counter}/open", null)).EnsureSuccessStatusCode();
        using var kiosk = hall.Http();
        (await kiosk.PostAsJsonAsync($"/api/halls/{hall.HallId}/tickets", new { serviceItemId = item, priority = "normal" })).EnsureSuccessStatusCode();
        var called = await (await api.PostAsync($"/api/counters/{counter}/call-next", null)).Content.ReadFromJsonAsync<JsonObject>();
        var number = called!["number"]!.GetValue<string>();

        var page = await LoginPage.SignedInAsync(await hall.NewPageAsync(), "staff1", "/counter");
        var cases = new CasePages(page);
        await cases.GotoListAsync();
        await Expect(cases.ServedTicket).ToContainTextAsync(number);
        await cases.FillAsync("applicant-name", "张三丰");
        await cases.FillAsync("applicant-id", "11010519491231002X");
        await cases.FillAsync("applicant-phone", "13812345678");
        await cases.TickAsync("公司登记（备案）申请书");
        await cases.TickAsync("公司章程");
        await cases.ClickAsync("register-case");
        await page.WaitForURLAsync(new Regex("/cases/[0-9a-f-]{36}$"));
        await cases.WaitCaseReadyAsync();
        await Expect(cases.Status).ToHaveTextAsync("已登记");

        // Two required materials are missing: one notice lists both.
        await cases.ClickAsync("issue-notice");
        await Expect(cases.Status).ToHaveTextAsync("待补正");
        var print = page.GetByTestId("print-notice");
        await Expect(print).ToHaveCountAsync(1);
        var noticeUrl = await print.GetAttributeAsync("href");
        var notice = await page.Context.NewPageAsync();
        await notice.GotoAsync(noticeUrl!);
        await Expect(notice.GetByRole(AriaRole.Heading, new() { Name = "一次性告知书" })).ToBeVisibleAsync();
        await Expect(notice.Locator("table").Nth(1)).ToContainTextAsync("股东主体资格证明");
        await Expect(notice.Locator("table").Nth(1)).ToContainTextAsync("住所使用证明");
        await Expect(notice.Locator("body")).ToContainTextAsync("1号窗口");
        await Expect(notice.Locator("body")).ToContainTextAsync("1001");
        await SaveAsync(notice, "one-time-notice-zh");

        // The applicant returns with the materials.
        await cases.ClickAsync("resubmit");
        await Expect(cases.Status).ToHaveTextAsync("已补正");
        await cases.TickAsync("股东主体资格证明");
        await cases.TickAsync("住所使用证明");
        await cases.ClickAsync("accept");
        await Expect(cases.Status).ToHaveTextAsync("已受理");

        // Three working days on the hall's calendar, counted from today (the demo hall is open around the clock).
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeBySystemTimeZoneId(DateTime.UtcNow, "Asia/Shanghai"));
        var due = await hall.Http().GetFromJsonAsync<JsonObject>(
            $"/api/halls/{hall.HallId}/calendar/due-date?from={today:yyyy-MM-dd}&workingDays=3");
        var dueDate = DateOnly.Parse(due!["dueDate"]!.GetValue<string>(), CultureInfo.InvariantCulture);
        var expected = dueDate.ToString("D", CultureInfo.GetCultureInfo("zh-CN"));
        await Expect(cases.DueDate).ToHaveTextAsync(expected);
        await Expect(cases.PickupDate).ToHaveTextAsync(expected);

        var receipt = await page.Context.NewPageAsync();
        await receipt.GotoAsync((await page.GetByTestId("print-receipt").GetAttributeAsync("href"))!);
        await Expect(receipt.Locator("body")).ToContainTextAsync("请您于" + expected);
        await SaveAsync(receipt, "receipt-a4-zh");

        // Back on the counter's case panel, the ticket being served shows its case with the promise.
        await cases.GotoListAsync();
        await Expect(page.GetByTestId("served-ticket-case")).ToContainTextAsync(expected);
    }

    /// <summary>With SERVICEHALL_SCREENSHOTS set, the printed page as PDF (A4, print CSS) next to the screenshots.</summary>
    private static async Task SaveAsync(IPage page, string name)
    {
        var pdf = await page.PdfAsync(new PagePdfOptions { Format = "A4", PrintBackground = true, PreferCSSPageSize = true });
        Assert.True(pdf.Length > 1000);
        if (Environment.GetEnvironmentVariable("SERVICEHALL_SCREENSHOTS") is { Length: > 0 } dir)
            await File.WriteAllBytesAsync(Path.Combine(dir, $"{name}.pdf"), pdf);
    }
}
