using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Playwright;
using ServiceHall.BrowserTests.Infrastructure;
using ServiceHall.BrowserTests.Pages;
using static Microsoft.Playwright.Assertions;

namespace ServiceHall.BrowserTests.Features.Cases;

/// <summary>行政许可法 art. 45 and 42 on /cases/{id}: pause and resume the clock, then a supervisor extends and prints the notice.</summary>
public sealed class SpecialProcedurePageTests(BrowserHall hall) : IClassFixture<BrowserHall>
{
    private static ILocator Input(IPage page, string testId) => page.GetByTestId(testId).Locator("xpath=descendant-or-self::input").First;

    [Fact]
    public async Task PauseResume_ThenSupervisorExtends_NewDueDateAndPrintableNotice()
    {
        var api = await hall.SignedInAsync("staff1");
        var counters = await api.GetFromJsonAsync<JsonArray>($"/api/halls/{hall.HallId}/counters");
        var counter = counters!.First(c => c!["number"]!.GetValue<int>() == 1)!["id"]!.GetValue<Guid>();
        var items = await api.GetFromJsonAsync<JsonArray>($"/api/halls/{hall.HallId}/service-items");
        var item = items!.First(i => i!["prefix"]!.GetValue<string>() == "A")!["id"]!.GetValue<Guid>();
        (await api.PostAsync($"/api/counters/{counter}/open", null)).EnsureSuccessStatusCode();
        using var kiosk = hall.Http();
        (await kiosk.PostAsJsonAsync($"/api/halls/{hall.HallId}/tickets", new { serviceItemId = item, priority = "normal" })).EnsureSuccessStatusCode();
        var called = await (await api.PostAsync($"/api/counters/{counter}/call-next", null)).Content.ReadFromJsonAsync<JsonObject>();
        var guide = await api.GetFromJsonAsync<JsonObject>($"/api/halls/{hall.HallId}/service-items/{item}/guide");
        var required = guide!["materials"]!.AsArray().Where(m => m!["isRequired"]!.GetValue<bool>()).Select(m => m!["id"]!.GetValue<Guid>()).ToList();
        var registered = await (await api.PostAsJsonAsync($"/api/halls/{hall.HallId}/cases", new
        {
            ticketId = called!["id"]!.GetValue<Guid>(), serviceItemId = item, applicantName = "赵敏", applicantIdNumber = "11010519491231002X",
            receivedMaterialIds = required,
        })).Content.ReadFromJsonAsync<JsonObject>();
        var caseId = registered!["id"]!.GetValue<Guid>();
        var accepted = await (await api.PostAsJsonAsync($"/api/cases/{caseId}/accept", new { })).Content.ReadFromJsonAsync<JsonObject>();
        var due = DateOnly.Parse(accepted!["dueDate"]!.GetValue<string>(), CultureInfo.InvariantCulture);
        var zh = CultureInfo.GetCultureInfo("zh-CN");

        var staff = await LoginPage.SignedInAsync(await hall.NewPageAsync(1280, 1000), "staff1", "/counter");
        var cases = new CasePages(staff);
        await staff.GotoAsync($"/cases/{caseId}");
        await cases.WaitCaseReadyAsync();
        // Staff cannot extend: the form is a supervisor's.
        await Expect(staff.GetByTestId("extend")).ToHaveCountAsync(0);
        await Input(staff, "pause-reason").FillAsync("组织听证");
        await staff.GetByTestId("pause-clock").ClickAsync();
        await Expect(staff.GetByTestId("case-deadline")).ToHaveTextAsync("计时暂停");
        await Expect(staff.GetByTestId("pause")).ToContainTextAsync("听证");
        await Expect(staff.GetByTestId("print-pause")).ToHaveCountAsync(1);
        await Expect(staff.GetByTestId("case-history")).ToContainTextAsync("暂停计时");
        await staff.GetByTestId("resume-clock").ClickAsync();
        await Expect(staff.GetByTestId("case-history")).ToContainTextAsync("恢复计时");
        // Resumed the same day: no working day stood still, the promise is unchanged.
        await Expect(cases.DueDate).ToHaveTextAsync(due.ToString("D", zh));

        var supervisor = await LoginPage.SignedInAsync(await hall.NewPageAsync(1280, 1000), "supervisor", "/dashboard");
        await supervisor.GotoAsync($"/cases/{caseId}");
        await new CasePages(supervisor).WaitCaseReadyAsync();
        await Input(supervisor, "extension-reason").FillAsync("需现场核查经营场所");
        await supervisor.GetByTestId("extend").ClickAsync();
        using var http = hall.Http();
        var expected = await http.GetFromJsonAsync<JsonObject>($"/api/halls/{hall.HallId}/calendar/due-date?from={due:yyyy-MM-dd}&workingDays=10");
        var extended = DateOnly.Parse(expected!["dueDate"]!.GetValue<string>(), CultureInfo.InvariantCulture);
        await Expect(new CasePages(supervisor).DueDate).ToHaveTextAsync(extended.ToString("D", zh));
        await Expect(supervisor.GetByTestId("original-due-date")).ToHaveTextAsync(due.ToString("D", zh));
        await Expect(supervisor.GetByTestId("extension")).ToContainTextAsync("需现场核查经营场所");

        var notice = await supervisor.Context.NewPageAsync();
        await notice.GotoAsync((await supervisor.GetByTestId("print-extension").GetAttributeAsync("href"))!);
        await Expect(notice.GetByRole(AriaRole.Heading, new() { Name = "延期告知书" })).ToBeVisibleAsync();
        await Expect(notice.Locator("body")).ToContainTextAsync("需现场核查经营场所");
        await Expect(notice.Locator("body")).ToContainTextAsync(extended.ToString("D", zh));
        var pdf = await notice.PdfAsync(new PagePdfOptions { Format = "A4", PrintBackground = true, PreferCSSPageSize = true });
        Assert.True(pdf.Length > 1000);
        if (Environment.GetEnvironmentVariable("SERVICEHALL_SCREENSHOTS") is { Length: > 0 } dir)
        {
            await File.WriteAllBytesAsync(Path.Combine(dir, "extension-notice-zh.pdf"), pdf);
            await supervisor.ScreenshotAsync(new() { Path = Path.Combine(dir, "case-special-procedures-zh.png"), FullPage = true });
        }
    }
}
