using Deque.AxeCore.Playwright;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Playwright;
using ServiceHall.BrowserTests.Infrastructure;
using ServiceHall.BrowserTests.Pages;
using static Microsoft.Playwright.Assertions;

namespace ServiceHall.BrowserTests.Features.Inquiries;

/// <summary>
/// M6 (首问负责制) in the page: the first receiver records a question they cannot answer, forwards it
/// because the responsible person is away (their name and contact recorded), the colleague replies once,
/// and the owner still sees it.
/// </summary>
public sealed class InquiryForwardTests(BrowserHall hall) : IClassFixture<BrowserHall>
{
    private static ILocator Input(ILocator scope, string testId) => scope.GetByTestId(testId).Locator("xpath=descendant-or-self::input|descendant-or-self::textarea").First;

    private static async Task<IPage> InquiriesAsync(IPage page)
    {
        await page.GotoAsync("/inquiries");
        await page.Locator("[data-inquiries-ready=true]").WaitForAsync(new() { State = WaitForSelectorState.Attached });
        return page;
    }

    [Fact]
    public async Task Forward_PersonAway_RecordsNameAndContact_ColleagueReplies_OwnerSeesIt()
    {
        var owner = await InquiriesAsync(await LoginPage.SignedInAsync(await hall.NewPageAsync(1400, 1000), "staff1", "/counter"));
        await Input(owner.Locator("body"), "inquiry-question").FillAsync("个体户变更经营场所需要哪些材料？");
        await Input(owner.Locator("body"), "inquiry-contact").FillAsync("13700001234");
        await owner.GetByTestId("record-inquiry").ClickAsync();
        var card = owner.GetByTestId("inquiry").Filter(new() { HasText = "个体户变更经营场所需要哪些材料？" });
        await Expect(card).ToBeVisibleAsync();
        await Expect(card).ToContainTextAsync("137****1234");
        await Expect(card).ToContainTextAsync("承诺");

        await card.GetByTestId("open-forward").ClickAsync();
        var form = card.GetByTestId("forward-form");
        // Without the absent person's name the forward is refused with a message.
        await form.GetByTestId("forward-inquiry").ClickAsync();
        await Expect(owner.GetByTestId("inquiry-error")).ToBeVisibleAsync();
        await Input(form, "absent-name").FillAsync("陈主任");
        await Input(form, "absent-contact").FillAsync("0571-88009999");
        await form.GetByTestId("forward-colleague").ClickAsync();
        await owner.GetByRole(AriaRole.Option, new() { Name = "李静（1002）" }).ClickAsync();
        await form.GetByTestId("forward-inquiry").ClickAsync();
        var forward = card.GetByTestId("inquiry-forward");
        await Expect(forward).ToContainTextAsync("陈主任");
        await Expect(forward).ToContainTextAsync("0571-88009999");
        await Expect(forward).ToContainTextAsync("李静");
        await Expect(card).ToContainTextAsync("首问责任人：王晓明");

        await AssertAccessibleAsync(owner);
        if (Environment.GetEnvironmentVariable("SERVICEHALL_SCREENSHOTS") is { Length: > 0 } shots)
            await owner.ScreenshotAsync(new() { Path = Path.Combine(shots, "inquiry-forward-zh.png"), FullPage = true });
        var colleague = await InquiriesAsync(await LoginPage.SignedInAsync(await hall.NewPageAsync(1400, 1000), "staff2", "/counter"));
        var theirs = colleague.GetByTestId("inquiry").Filter(new() { HasText = "个体户变更经营场所需要哪些材料？" });
        await Expect(theirs.GetByTestId("forwarded-to-me")).ToBeVisibleAsync();
        await Input(theirs, "inquiry-reply").FillAsync("带营业执照正副本和新场所使用证明到 2 号窗口办理。");
        await theirs.GetByTestId("reply-inquiry").ClickAsync();
        // Open items only by default: the answered one leaves the colleague's list.
        await Expect(theirs).ToHaveCountAsync(0);

        // The owner, still accountable, sees the final reply once open-only is switched off.
        await owner.ReloadAsync();
        await owner.Locator("[data-inquiries-ready=true]").WaitForAsync(new() { State = WaitForSelectorState.Attached });
        await owner.GetByLabel("只看待答复").Or(owner.GetByLabel("Open only")).First.ClickAsync();
        var answered = owner.GetByTestId("inquiry").Filter(new() { HasText = "个体户变更经营场所需要哪些材料？" });
        await Expect(answered).ToContainTextAsync("带营业执照正副本和新场所使用证明到 2 号窗口办理。");
        await Expect(answered).ToContainTextAsync("答复人：李静");

        var api = await hall.SignedInAsync("staff1");
        var mine = await api.GetFromJsonAsync<JsonArray>($"/api/halls/{hall.HallId}/inquiries?mine=true");
        var inquiry = mine!.First(i => i!["question"]!.GetValue<string>() == "个体户变更经营场所需要哪些材料？")!;
        Assert.Equal("answered", inquiry["status"]!.GetValue<string>());
        Assert.Equal("陈主任", inquiry["forwards"]![0]!["responsiblePersonName"]!.GetValue<string>());
    }

    /// <summary>axe on the page as a person uses it: no serious or critical violation.</summary>
    private static async Task AssertAccessibleAsync(IPage page)
    {
        var result = await page.RunAxe();
        var serious = result.Violations.Where(v => v.Impact is "serious" or "critical")
            .Select(v => $"{v.Id} ({v.Impact}): {v.Help} — {string.Join(", ", v.Nodes.Select(n => n.Target?.ToString()))}")
            .ToList();
        Assert.True(serious.Count == 0, string.Join(Environment.NewLine, serious));
    }
}
