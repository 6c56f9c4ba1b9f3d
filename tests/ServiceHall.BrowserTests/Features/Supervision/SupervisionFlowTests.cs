using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using ServiceHall.Core.Features.Identity;
using ServiceHall.BrowserTests.Infrastructure;
using ServiceHall.BrowserTests.Pages;
using static Microsoft.Playwright.Assertions;

namespace ServiceHall.BrowserTests.Features.Supervision;

/// <summary>S1, S2, S4 as people meet them: the rating pad, the online complaint form, the supervisor's conduct check.</summary>
public sealed class SupervisionFlowTests(BrowserHall hall) : IClassFixture<BrowserHall>
{
    [Fact]
    public async Task CitizenRatesDissatisfiedOnPad_FollowUpAppearsForSupervisor()
    {
        using var staff = await hall.SignedInAsync("staff2");
        var counters = await staff.GetFromJsonAsync<JsonArray>($"/api/halls/{hall.HallId}/counters");
        var counter = counters!.First(c => c!["number"]!.GetValue<int>() == 3)!;
        var counterId = counter["id"]!.GetValue<string>();
        var itemId = counter["serviceItemIds"]![0]!.GetValue<string>();
        using var citizen = hall.Http();
        var issued = await citizen.PostAsJsonAsync($"/api/halls/{hall.HallId}/tickets", new { serviceItemId = itemId, priority = "normal" });
        var ticket = (await issued.Content.ReadFromJsonAsync<JsonObject>())!;
        var ticketId = ticket["id"]!.GetValue<string>();
        var number = ticket["number"]!.GetValue<string>();
        (await staff.PostAsync($"/api/counters/{counterId}/open", null)).EnsureSuccessStatusCode();
        (await staff.PostAsync($"/api/counters/{counterId}/call-next", null)).EnsureSuccessStatusCode();
        (await staff.PostAsync($"/api/counters/{counterId}/tickets/{ticketId}/start", null)).EnsureSuccessStatusCode();
        (await staff.PostAsync($"/api/counters/{counterId}/tickets/{ticketId}/finish", null)).EnsureSuccessStatusCode();

        var pad = await hall.NewPageAsync(1024, 768);
        await new RatingPadPage(pad).GotoAndSignInAsync(counterId, "pad3");
        await Expect(pad.Locator("#pad-ticket")).ToContainTextAsync(number);
        await pad.GetByRole(AriaRole.Button, new() { Name = "不满意", Exact = true }).ClickAsync();
        await pad.GetByRole(AriaRole.Button, new() { Name = "服务态度", Exact = true }).ClickAsync();
        await pad.GetByLabel("意见和建议（选填）").FillAsync("工作人员不耐烦");
        await pad.GetByRole(AriaRole.Button, new() { Name = "提交评价" }).ClickAsync();
        await pad.GetByRole(AriaRole.Button, new() { Name = "不留电话，直接提交" }).ClickAsync();
        await Expect(pad.GetByRole(AriaRole.Status)).ToHaveTextAsync("感谢您的评价！");

        var supervisor = await LoginPage.SignedInAsync(await hall.NewPageAsync(), "supervisor", "/dashboard");
        await supervisor.GotoAsync("/supervision");
        var row = supervisor.GetByTestId("follow-ups").Locator("tr", new() { HasText = number });
        await Expect(row).ToContainTextAsync("不满意");
        await Expect(row).ToContainTextAsync("待回访");
        await Expect(row).ToContainTextAsync("工作人员不耐烦");
    }

    [Fact]
    public async Task ComplaintFromOnlineForm_ReplyShownOnItsTrackingPage()
    {
        var page = await hall.NewPageAsync(390, 844);
        await page.GotoAsync($"/complain/{hall.HallId}");
        await page.GetByLabel("标题").FillAsync("窗口人员玩手机");
        await page.GetByLabel("投诉内容").FillAsync("下午 2 点在 2 号窗口，工作人员一直在玩手机，让我等了很久。");
        await page.GetByRole(AriaRole.Button, new() { Name = "提交投诉" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("投诉已受理，编号 TS");
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/complain/track/"));
        var trackingUrl = page.Url;

        using var supervisor = await hall.SignedInAsync("supervisor");
        var complaints = await supervisor.GetFromJsonAsync<JsonArray>($"/api/halls/{hall.HallId}/complaints");
        var id = complaints!.First(c => c!["title"]!.GetValue<string>() == "窗口人员玩手机")!["id"]!.GetValue<string>();
        using var staff = await hall.SignedInAsync("staff1");
        Guid staffId;
        using (var scope = hall.Services.CreateScope())
            staffId = (await scope.ServiceProvider.GetRequiredService<UserManager<User>>().FindByNameAsync("staff1"))!.Id;
        (await supervisor.PostAsJsonAsync($"/api/complaints/{id}/assign", new { assigneeUserId = staffId })).EnsureSuccessStatusCode();
        (await staff.PostAsJsonAsync($"/api/complaints/{id}/investigate", new { note = "调取监控" })).EnsureSuccessStatusCode();
        (await staff.PostAsJsonAsync($"/api/complaints/{id}/reply", new
        {
            finding = "监控显示情况属实", reply = "经核实情况属实，已对当事人批评教育，感谢您的监督。",
        })).EnsureSuccessStatusCode();

        await page.GotoAsync(trackingUrl);
        await Expect(page.Locator("#status")).ToHaveTextAsync("已答复");
        await Expect(page.Locator("#reply")).ToHaveTextAsync("经核实情况属实，已对当事人批评教育，感谢您的监督。");
    }

    [Fact]
    public async Task SupervisorChecksTranscript_ForbiddenPhraseFlagged()
    {
        var page = await LoginPage.SignedInAsync(await hall.NewPageAsync(), "supervisor", "/dashboard");
        await page.GotoAsync("/supervision");
        // The prerendered page ignores clicks until the interactive circuit is up: click until the tab opens.
        var transcript = page.Locator("textarea[data-testid=transcript], [data-testid=transcript] textarea");
        for (var attempt = 0; attempt < 20 && !await transcript.IsVisibleAsync(); attempt++)
        {
            await page.GetByText("服务用语", new() { Exact = true }).ClickAsync();
            await page.WaitForTimeoutAsync(500);
        }
        await transcript.FillAsync("您好。这事我也不知道，你去投诉好了！再见");
        await page.GetByRole(AriaRole.Button, new() { Name = "检查" }).ClickAsync();
        var report = page.GetByTestId("conduct-report");
        await Expect(report).ToContainTextAsync("得分 70");
        await Expect(report).ToContainTextAsync("服务忌语: 你去投诉好了 → 你去投诉好了");
        await Expect(report).ToContainTextAsync("忌语变体: 我也不知道 → 我不知道");
    }
}
