using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using ServiceHall.BrowserTests.Infrastructure;
using ServiceHall.BrowserTests.Pages;
using ServiceHall.Core.Data;
using static Microsoft.Playwright.Assertions;

namespace ServiceHall.BrowserTests.Features.Inquiries;

/// <summary>
/// M6 to the end: the owner reads the citizen's contact (with a purpose, audited) to give the promised reply;
/// supervisors read the on-time report and the overdue cases per department as pages.
/// </summary>
public sealed class FirstAskerToTheEndTests(BrowserHall hall) : IClassFixture<BrowserHall>
{
    private static ILocator Input(ILocator scope, string testId) =>
        scope.GetByTestId(testId).Locator("xpath=descendant-or-self::input|descendant-or-self::textarea").First;

    private static void Shot(IPage page, string name)
    {
        if (Environment.GetEnvironmentVariable("SERVICEHALL_SCREENSHOTS") is { Length: > 0 } shots)
            page.ScreenshotAsync(new() { Path = Path.Combine(shots, name), FullPage = true }).GetAwaiter().GetResult();
    }

    [Fact]
    public async Task Owner_RevealsContactWithPurpose_Audited()
    {
        var page = await LoginPage.SignedInAsync(await hall.NewPageAsync(1366, 768), "staff1", "/counter");
        await page.GotoAsync("/inquiries");
        await page.Locator("[data-inquiries-ready=true]").WaitForAsync(new() { State = WaitForSelectorState.Attached });
        const string question = "退休人员医保报销比例是多少？";
        await Input(page.Locator("body"), "inquiry-question").FillAsync(question);
        await Input(page.Locator("body"), "inquiry-contact").FillAsync("13700005678");
        await page.GetByTestId("record-inquiry").ClickAsync();
        var card = page.GetByTestId("inquiry").Filter(new() { HasText = question });
        await Expect(card.GetByTestId("inquiry-contact-masked")).ToHaveTextAsync("137****5678");

        await card.GetByTestId("open-reveal").ClickAsync();
        await card.GetByTestId("reveal-contact").ClickAsync();
        await Expect(page.GetByTestId("inquiry-error")).ToContainTextAsync("查看用途");
        await Input(card, "reveal-purpose").FillAsync("按承诺回电答复");
        await card.GetByTestId("reveal-contact").ClickAsync();
        await Expect(card.GetByTestId("inquiry-contact-masked")).ToHaveTextAsync("13700005678");
        await Layout.AssertAsync(page, LayoutRules.Scrolling);
        Shot(page, "inquiry-contact-zh.png");

        using var scope = hall.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<HallDbContext>();
        Assert.True(await db.PersonalDataReads.AnyAsync(r => r.SubjectType == "Inquiry" && r.Purpose == "按承诺回电答复"));
    }

    [Fact]
    public async Task Supervisor_InquiryReportAndOverdueCases_AsPages()
    {
        // staff1 promises a reply; a case of staff1's goes past its promise (the real clock cannot wait: its dates are moved back).
        var api = await hall.SignedInAsync("staff1");
        (await api.PostAsJsonAsync($"/api/halls/{hall.HallId}/inquiries", new
        {
            question = "居住证续签需要本人到场吗？", channel = "phone", contact = "13700001111", promisedReplyAt = DateTime.UtcNow.AddHours(4),
        })).EnsureSuccessStatusCode();
        var lateNumber = await OverdueCaseAsync(api);

        var page = await LoginPage.SignedInAsync(await hall.NewPageAsync(1366, 768), "supervisor", "/dashboard");
        await page.GetByRole(AriaRole.Link, new() { Name = "首问答复统计" }).ClickAsync();
        await page.Locator("[data-report-ready=true]").WaitForAsync(new() { State = WaitForSelectorState.Attached });
        var report = page.GetByTestId("inquiry-report");
        await Expect(report.Locator("tr").Filter(new() { HasText = "王晓明" })).ToBeVisibleAsync();
        await Expect(page.GetByTestId("report-range")).ToContainTextAsync("至");
        await Layout.AssertAsync(page, LayoutRules.Scrolling);
        Shot(page, "inquiry-report-zh.png");

        await page.GetByRole(AriaRole.Link, new() { Name = "超期办件" }).ClickAsync();
        await page.Locator("[data-report-ready=true]").WaitForAsync(new() { State = WaitForSelectorState.Attached });
        var row = page.GetByTestId("overdue-department").Locator("tr").Filter(new() { HasText = lateNumber });
        await Expect(row).ToBeVisibleAsync();
        await Expect(row.GetByTestId("days-overdue")).Not.ToHaveTextAsync("0");
        await Layout.AssertAsync(page, LayoutRules.Scrolling);
        Shot(page, "overdue-cases-zh.png");
        await row.GetByTestId("overdue-case").ClickAsync();
        await page.WaitForURLAsync("**/cases/*");
    }

    /// <summary>A case of staff1's, accepted through the API, whose promise ran out two days ago.</summary>
    private async Task<string> OverdueCaseAsync(HttpClient api)
    {
        var counters = await api.GetFromJsonAsync<JsonArray>($"/api/halls/{hall.HallId}/counters");
        var counter = counters!.First(c => c!["number"]!.GetValue<int>() == 1)!["id"]!.GetValue<Guid>();
        var items = await api.GetFromJsonAsync<JsonArray>($"/api/halls/{hall.HallId}/service-items");
        var item = items!.First(i => i!["prefix"]!.GetValue<string>() == "A")!["id"]!.GetValue<Guid>();
        await api.PostAsync($"/api/counters/{counter}/open", null);
        using var kiosk = hall.Http();
        (await kiosk.PostAsJsonAsync($"/api/halls/{hall.HallId}/tickets", new { serviceItemId = item, priority = "normal" })).EnsureSuccessStatusCode();
        var called = await (await api.PostAsync($"/api/counters/{counter}/call-next", null)).Content.ReadFromJsonAsync<JsonObject>();
        var guide = await api.GetFromJsonAsync<JsonObject>($"/api/halls/{hall.HallId}/service-items/{item}/guide");
        var required = guide!["materials"]!.AsArray().Where(m => m!["isRequired"]!.GetValue<bool>()).Select(m => m!["id"]!.GetValue<Guid>()).ToList();
        var registered = await (await api.PostAsJsonAsync($"/api/halls/{hall.HallId}/cases", new
        {
            ticketId = called!["id"]!.GetValue<Guid>(), serviceItemId = item, applicantName = "周芷若", applicantIdNumber = "11010519491231002X",
            receivedMaterialIds = required,
        })).Content.ReadFromJsonAsync<JsonObject>();
        var caseId = registered!["id"]!.GetValue<Guid>();
        (await api.PostAsJsonAsync($"/api/cases/{caseId}/accept", new { })).EnsureSuccessStatusCode();
        using var scope = hall.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<HallDbContext>();
        var overdue = await db.Cases.FirstAsync(c => c.Id == caseId);
        overdue.DueAt = DateTime.UtcNow.AddDays(-2);
        overdue.DueDate = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8).AddDays(-2));
        await db.SaveChangesAsync();
        return overdue.Number;
    }
}
