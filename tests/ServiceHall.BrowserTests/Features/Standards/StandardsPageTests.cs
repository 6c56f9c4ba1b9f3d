using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using ServiceHall.BrowserTests.Infrastructure;
using ServiceHall.BrowserTests.Pages;
using ServiceHall.Core.Data;
using ServiceHall.Core.Features.Standards;
using static Microsoft.Playwright.Assertions;

namespace ServiceHall.BrowserTests.Features.Standards;

/// <summary>
/// S9 in the browser: a staff member answers their red card at 1024×768; a supervisor reads the verdicts, answers a
/// counter's card and ranks the halls at 1366×768. Writes standards-zh/en, standards-halls-zh and standard-card-answer-zh.
/// </summary>
public sealed class StandardsPageTests(BrowserHall hall) : IClassFixture<BrowserHall>
{
    private static void Shot(IPage page, string name)
    {
        if (Environment.GetEnvironmentVariable("SERVICEHALL_SCREENSHOTS") is { Length: > 0 } shots)
            page.ScreenshotAsync(new() { Path = Path.Combine(shots, name), FullPage = true }).GetAwaiter().GetResult();
    }

    /// <summary>
    /// A ticket of <paramref name="prefix"/> called by <paramref name="user"/> at counter <paramref name="counterNumber"/> that had
    /// waited <paramref name="minutes"/> minutes (the real clock cannot wait: its queue time is moved back), then the card scan.
    /// </summary>
    private async Task LateCallAsync(string user, int counterNumber, string prefix, int minutes)
    {
        using var http = hall.Http();
        var items = (await http.GetFromJsonAsync<JsonArray>($"/api/halls/{hall.HallId}/service-items"))!
            .ToDictionary(i => i!["prefix"]!.GetValue<string>(), i => i!["id"]!.GetValue<Guid>());
        var counters = (await http.GetFromJsonAsync<JsonArray>($"/api/halls/{hall.HallId}/counters"))!
            .ToDictionary(c => c!["number"]!.GetValue<int>(), c => c!["id"]!.GetValue<Guid>());
        // A ticket of every item, so that the counter finds one of its own items whichever it serves; the given item's first.
        foreach (var itemId in items.OrderBy(i => i.Key == prefix ? 0 : 1).Select(i => i.Value))
            (await http.PostAsJsonAsync($"/api/halls/{hall.HallId}/tickets", new { serviceItemId = itemId })).EnsureSuccessStatusCode();
        using var staff = await hall.SignedInAsync(user);
        await staff.PostAsync($"/api/counters/{counters[counterNumber]}/open", null);
        var call = await staff.PostAsync($"/api/counters/{counters[counterNumber]}/call-next", null);
        call.EnsureSuccessStatusCode();
        var ticketId = (await call.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<Guid>();
        using var scope = hall.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<HallDbContext>();
        var calledAt = await db.Tickets.Where(t => t.Id == ticketId).Select(t => t.CalledAt!.Value).SingleAsync();
        await db.Tickets.Where(t => t.Id == ticketId).ExecuteUpdateAsync(s => s.SetProperty(t => t.QueuedAt, calledAt.AddMinutes(-minutes)));
        await scope.ServiceProvider.GetRequiredService<ScanStandardCards>().HandleAsync(hall.HallId, CancellationToken.None);
    }

    /// <summary>
    /// The history at 1366×768: the charts' labels do not overlap one another, and a week without any record is a grey
    /// "no data" row (this hall began this week), never a green one.
    /// </summary>
    private static async Task AssertHistoryReadableAsync(IPage page, string noData)
    {
        var history = page.GetByTestId("history");
        await Expect(history.Locator("svg text").First).ToBeVisibleAsync();
        var overlaps = await history.EvaluateAsync<string[]>("""
            h => [...h.querySelectorAll('svg')].flatMap(svg => {
              const texts = [...svg.querySelectorAll('text')].filter(t => t.textContent.trim()).map(t => ({ t: t.textContent.trim(), r: t.getBoundingClientRect() }));
              const found = [];
              for (let i = 0; i < texts.length; i++)
                for (let j = i + 1; j < texts.length; j++) {
                  const a = texts[i].r, b = texts[j].r;
                  const w = Math.min(a.right, b.right) - Math.max(a.left, b.left), ht = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
                  if (w > 1 && ht > 1) found.push(`${texts[i].t} overlaps ${texts[j].t}`);
                }
              return found;
            })
            """);
        Assert.True(overlaps.Length == 0, string.Join("; ", overlaps));
        Assert.Equal(8, await history.Locator("svg").First.Locator("text").Filter(new() { HasTextRegex = new System.Text.RegularExpressions.Regex(@"^\d+/\d+$") }).CountAsync());
        var empty = page.GetByTestId("history-row").And(page.Locator("[data-nodata=true]"));
        await Expect(empty.First).ToContainTextAsync(noData);
        Assert.True(await empty.CountAsync() >= 1);
        await Expect(page.GetByTestId("history-row").Last).ToHaveAttributeAsync("data-nodata", "false");
    }

    [Fact]
    public async Task StaffMember_AnswersTheirRedCard_CardCloses()
    {
        await LateCallAsync("staff1", 1, "A", 12);
        var page = await LoginPage.SignedInAsync(await hall.NewPageAsync(1024, 768), "staff1", "/counter");
        await page.GotoAsync("/standards/cards");
        var cards = new StandardsPages(page);
        await cards.WaitCardsAsync();
        var card = cards.Card().First;
        await Expect(card).ToContainTextAsync("督办（红牌）");
        await Expect(card).ToContainTextAsync("最长等候");

        // Closed only with a written response: an empty one is refused in words.
        await card.GetByTestId("card-submit").ClickAsync();
        await Expect(card.GetByTestId("card-error")).ToBeVisibleAsync();
        // The message names the field as the form does (原因), not by another word for it (理由).
        await Expect(card.GetByTestId("card-error")).ToContainTextAsync("原因");
        await Expect(card.GetByRole(AriaRole.Textbox, new() { Name = "原因", Exact = true })).ToBeVisibleAsync();
        await cards.AnswerAsync(card, "上午取号高峰只开了一个窗口", "排队超过 5 人时即请值班长增开窗口");
        await Layout.AssertAsync(page, LayoutRules.BackOffice);
        await Layout.AssertCjkRenderedAsync(page);
        Shot(page, "standard-card-answer-zh.png");

        await card.GetByTestId("card-submit").ClickAsync();
        await Expect(page.GetByTestId("page-notice")).ToBeVisibleAsync();
        await Expect(cards.Card("Closed").First).ToContainTextAsync("排队超过 5 人时即请值班长增开窗口");
        using var scope = hall.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<HallDbContext>();
        var staff1 = await db.Users.Where(u => u.UserName == "staff1").Select(u => u.Id).SingleAsync();
        Assert.True(await db.StandardCards.AnyAsync(c => c.StaffUserId == staff1 && c.Status == CardStatus.Closed && c.ClosedByUserId == staff1));
    }

    [Fact]
    public async Task CardIssued_CounterPageShowsNoticeLive_LinksToCards()
    {
        var page = await LoginPage.SignedInAsync(await hall.NewPageAsync(1024, 768), "staff3", "/counter");
        var counter = new CounterPage(page);
        await counter.WaitReadyAsync();
        await Expect(page.GetByTestId("card-notice")).ToHaveCountAsync(0);

        // staff3 serves at counter 5 (item E): a ticket called after 15 minutes gives them a red card while the page is open.
        await LateCallAsync("staff3", 5, "E", 15);
        var notice = page.GetByTestId("card-notice");
        await Expect(notice).ToContainTextAsync("1 张预警督办卡待答复", new() { Timeout = 15_000 });
        await Expect(notice).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("sh-card-notice-red"));
        await Layout.AssertAsync(page, LayoutRules.Scrolling with { Ignore = [".sh-visually-hidden"] });
        Shot(page, "counter-card-notice-zh.png");

        await notice.ClickAsync();
        await page.WaitForURLAsync("**/standards/cards");
        await new StandardsPages(page).WaitCardsAsync();
        await Expect(new StandardsPages(page).Card().First).ToContainTextAsync("督办（红牌）");
    }

    [Fact]
    public async Task Supervisor_ReadsVerdicts_AnswersACard_RanksHalls()
    {
        await LateCallAsync("staff2", 3, "B", 25);
        var page = await LoginPage.SignedInAsync(await hall.NewPageAsync(1366, 768), "supervisor", "/dashboard");
        await page.GetByRole(AriaRole.Link, new() { Name = "达标监察" }).ClickAsync();
        var standards = new StandardsPages(page);
        await standards.WaitReportAsync();
        await Expect(standards.Verdict("LongestWait", "Red")).ToBeVisibleAsync();
        await Expect(standards.Verdict("LongestWait", "Red")).ToContainTextAsync("红·未达标");

        var open = standards.Cards.Locator("tr").Filter(new() { Has = page.GetByRole(AriaRole.Button, new() { Name = "答复" }) }).First;
        await open.GetByRole(AriaRole.Button, new() { Name = "答复" }).ClickAsync();
        var form = page.GetByTestId("card-answer");
        await standards.AnswerAsync(form, "午间只留一个窗口", "午间至少保留两个窗口");
        await form.GetByTestId("card-submit").ClickAsync();
        await Expect(page.GetByTestId("card-response").Filter(new() { HasText = "午间至少保留两个窗口" })).ToBeVisibleAsync();
        // Answering scrolled the page: the fixed app bar would lie over the rows below it.
        await page.EvaluateAsync("() => window.scrollTo(0, 0)");
        await Layout.AssertAsync(page, LayoutRules.BackOffice);
        await Layout.AssertCjkRenderedAsync(page);
        await Expect(page.GetByTestId("history").Locator("svg").First).ToBeVisibleAsync();
        await AssertHistoryReadableAsync(page, "无数据");
        Shot(page, "standards-zh.png");

        await page.GetByRole(AriaRole.Link, new() { Name = "English" }).ClickAsync();
        await page.Locator("html[lang=en]").WaitForAsync();
        await standards.WaitReportAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Standards kept", Exact = true })).ToBeVisibleAsync();
        await Expect(standards.Verdict("LongestWait", "Red")).ToContainTextAsync("Red · broken");
        await Layout.AssertAsync(page, LayoutRules.BackOffice);
        await AssertHistoryReadableAsync(page, "No data");
        // English punctuation on an English page: no （…）, ：, ，, 。 or 、 around labels, badges and lists (names are data).
        var fullWidth = await page.EvaluateAsync<string?>("() => (document.querySelector('.mud-main-content').innerText.match(/.{0,20}[（）：，。、；].{0,20}/) || [null])[0]");
        Assert.True(fullWidth is null, $"full-width punctuation on the English page: {fullWidth}");
        // Issue 16: the hall and the card's counter by their English names; no hall, department, item or counter in Chinese
        // (people's names are data and stay as written).
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Binjiang District Government Service Centre" })).ToBeVisibleAsync();
        await Expect(standards.Cards).ToContainTextAsync("Counter 3");
        foreach (var chinese in new[] { "滨江区政务服务中心", "号窗口", "市场监管", "人力社保", "企业开办登记", "个体工商户登记", "社保参保登记" })
            await Expect(page.Locator(".mud-main-content")).Not.ToContainTextAsync(chinese);
        Shot(page, "standards-en.png");
        await page.GetByLabel("Scope", new() { Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { Name = "Department", Exact = true }).ClickAsync();
        await standards.WaitReportAsync();
        await Expect(page.Locator(".sh-std-unit").First).ToHaveTextAsync("Market regulation");
        await Expect(page.Locator(".mud-main-content")).Not.ToContainTextAsync("市场监管");
        await Layout.AssertAsync(page, LayoutRules.BackOffice);

        var halls = await LoginPage.SignedInAsync(await hall.NewPageAsync(1366, 768), "supervisor", "/dashboard");
        await halls.GotoAsync("/supervision/standards/halls");
        await new StandardsPages(halls).WaitReportAsync();
        var first = halls.GetByTestId("ranking").Locator("tbody tr").First;
        await Expect(first.GetByTestId("rank")).ToHaveTextAsync("1");
        await Layout.AssertAsync(halls, LayoutRules.BackOffice);
        await Layout.AssertCjkRenderedAsync(halls);
        Shot(halls, "standards-halls-zh.png");
    }
}
