using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using ServiceHall.BrowserTests.Infrastructure;
using ServiceHall.BrowserTests.Pages;
using static Microsoft.Playwright.Assertions;

namespace ServiceHall.BrowserTests.Features.Supervision;

/// <summary>S1–S5 carried through entirely in the pages: follow-up, complaint, attendance at the counter, gift declaration and review.</summary>
public sealed class SupervisionActionTests(BrowserHall hall) : IClassFixture<BrowserHall>
{
    [Fact]
    public async Task ComplaintFromOnlineForm_AssignedInvestigatedRepliedInThePages_CitizenSeesReply()
    {
        var form = await hall.NewPageAsync(390, 844);
        await form.GotoAsync($"/complain/{hall.HallId}");
        await form.GetByLabel("标题").FillAsync("叫号后窗口无人");
        await form.GetByLabel("投诉内容").FillAsync("上午 10 点叫到我的号，5 号窗口却没有工作人员，等了二十分钟。");
        await form.GetByRole(AriaRole.Button, new() { Name = "提交投诉" }).ClickAsync();
        await Expect(form).ToHaveURLAsync(new Regex("/complain/track/"));
        var tracking = form.Url;

        var supervisor = new SupervisionPages(await LoginPage.SignedInAsync(await hall.NewPageAsync(), "supervisor", "/dashboard"));
        await supervisor.GotoAsync("/supervision");
        await supervisor.OpenTabAsync("投诉");
        await supervisor.OpenRowAsync("complaints", "叫号后窗口无人", "/supervision/complaints/");
        await Expect(supervisor.Page.GetByTestId("complaint-status")).ToHaveTextAsync("已受理");
        await supervisor.ChooseAsync("承办单位", "人力社保");
        await supervisor.ChooseAsync("承办人", "王晓明（工号 1001）");
        await supervisor.FillAsync("交办说明（选填）", "请调取叫号记录");
        await supervisor.Button("交办").ClickAsync();
        await Expect(supervisor.Page.GetByTestId("complaint-status")).ToHaveTextAsync("已分派");
        await Expect(supervisor.Page.GetByTestId("complaint-facts")).ToContainTextAsync("人力社保");

        var staff = new SupervisionPages(await LoginPage.SignedInAsync(await hall.NewPageAsync(), "staff1", "/counter"));
        await staff.GotoAsync("/complaints");
        await staff.OpenRowAsync("my-complaints", "叫号后窗口无人", "/supervision/complaints/");
        await staff.FillAsync("调查安排（选填）", "调取叫号记录和监控");
        await staff.Button("开始调查").ClickAsync();
        await Expect(staff.Page.GetByTestId("complaint-status")).ToHaveTextAsync("调查中");
        await staff.FillAsync("调查结果", "叫号时该窗口人员临时离岗，未安排顶岗");
        await staff.FillAsync("答复投诉人", "经核实，窗口人员临时离岗未安排顶岗，已责令整改并完善顶岗制度，感谢您的监督。");
        await staff.Button("提交答复").ClickAsync();
        await Expect(staff.Page.GetByTestId("complaint-status")).ToHaveTextAsync("已答复");
        await Expect(staff.Page.GetByTestId("complaint-history")).ToContainTextAsync("王晓明");

        await form.GotoAsync(tracking);
        await Expect(form.Locator("#status")).ToHaveTextAsync("已答复");
        await Expect(form.Locator("#reply")).ToHaveTextAsync("经核实，窗口人员临时离岗未安排顶岗，已责令整改并完善顶岗制度，感谢您的监督。");

        await supervisor.Page.ReloadAsync();
        await supervisor.WaitReadyAsync();
        await supervisor.Button("归档").ClickAsync();
        await Expect(supervisor.Page.GetByTestId("complaint-status")).ToHaveTextAsync("已办结");
        await Expect(supervisor.Page.GetByTestId("complaint-history")).ToContainTextAsync("归档");
    }

    [Fact]
    public async Task BadRatingOnPad_FollowedThroughEveryStageInThePage()
    {
        var number = await RateOnPadAsync("staff3", 4, "非常不满意", "让我跑了三趟");

        var supervisor = new SupervisionPages(await LoginPage.SignedInAsync(await hall.NewPageAsync(), "supervisor", "/dashboard"));
        await supervisor.GotoAsync("/supervision");
        await supervisor.OpenRowAsync("follow-ups", number, "/supervision/follow-ups/");
        var stage = supervisor.Page.GetByTestId("follow-up-stage");
        await Expect(stage).ToHaveTextAsync("待回访");

        await supervisor.Button("登记回访").ClickAsync();
        await Expect(supervisor.Error).ToHaveTextAsync("说明 为必填项。");
        await supervisor.FillAsync("回访情况", "已电话回访，群众反映材料要求前后说法不一");
        await supervisor.Button("登记回访").ClickAsync();
        await Expect(stage).ToHaveTextAsync("待核实");

        await supervisor.PickAsync("情况属实");
        await supervisor.FillAsync("核实情况", "调阅录音，一次性告知不到位属实");
        await supervisor.ChooseAsync("整改责任人", "张伟（工号 1003）");
        await supervisor.FillAsync("整改期限（工作日）", "5");
        await supervisor.Button("登记核实").ClickAsync();
        await Expect(stage).ToHaveTextAsync("整改中");
        await Expect(supervisor.Page.GetByText(new Regex("责任人 张伟，须于 .+ 前完成整改"))).ToBeVisibleAsync();

        await supervisor.FillAsync("整改措施", "组织一次性告知制度学习，更新办事指南");
        await supervisor.Button("登记整改").ClickAsync();
        await Expect(stage).ToHaveTextAsync("待反馈");

        await supervisor.FillAsync("反馈情况", "已电话告知群众整改情况");
        await supervisor.PickAsync("群众满意");
        await supervisor.Button("登记反馈并办结").ClickAsync();
        await Expect(stage).ToHaveTextAsync("已办结");
        var history = supervisor.Page.GetByTestId("follow-up-history");
        await Expect(history.Locator("tbody tr")).ToHaveCountAsync(4);
        await Expect(history).ToContainTextAsync("中心管理办");
        await Expect(supervisor.Page.GetByTestId("follow-up-facts")).ToContainTextAsync("组织一次性告知制度学习");
    }

    [Fact]
    public async Task StaffSignsInAtTheCounter_SupervisorSeesIt()
    {
        var page = await LoginPage.SignedInAsync(await hall.NewPageAsync(), "staff2", "/counter");
        var counter = new CounterPage(page);
        await counter.WaitReadyAsync();
        var attendance = page.GetByTestId("attendance");
        await attendance.GetByRole(AriaRole.Button, new() { Name = "签到" }).ClickAsync();
        var state = page.GetByTestId("attendance-state");
        await Expect(state).ToContainTextAsync(new Regex(@"^\d\d:\d\d (已签到|签到，迟到 \d+ 分钟)$"));
        var signedIn = Regex.Match(await state.InnerTextAsync(), @"\d\d:\d\d").Value;
        // A lunch break: out and in again the same day; the first sign-in stays. Signing out asks for the day's summary first.
        await attendance.GetByRole(AriaRole.Button, new() { Name = "签退" }).ClickAsync();
        var summary = page.GetByRole(AriaRole.Dialog);
        await summary.GetByLabel("工作小结", new() { Exact = true }).FillAsync("上午办理社保业务。");
        await summary.GetByRole(AriaRole.Button, new() { Name = "保存并签退" }).ClickAsync();
        await Expect(state).ToContainTextAsync("已签退");
        await attendance.GetByRole(AriaRole.Button, new() { Name = "签到" }).ClickAsync();
        await Expect(state).ToContainTextAsync(signedIn);

        var supervisor = new SupervisionPages(await LoginPage.SignedInAsync(await hall.NewPageAsync(), "supervisor", "/dashboard"));
        await supervisor.GotoAsync("/supervision");
        await supervisor.OpenTabAsync("考勤");
        var row = supervisor.Page.GetByTestId("attendance-daily").Locator("tr", new() { HasText = "李静" });
        await Expect(row).ToContainTextAsync(signedIn);
        await Expect(row).Not.ToContainTextAsync("缺勤");
        await Expect(supervisor.Page.GetByTestId("attendance-month").Locator("tr", new() { HasText = "李静" })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task GiftDeclaredByStaff_ReviewedBySupervisor_StaffSeesTheReview()
    {
        var staff = new SupervisionPages(await LoginPage.SignedInAsync(await hall.NewPageAsync(), "staff1", "/counter"));
        await staff.GotoAsync("/gifts");
        await staff.FillAsync("赠送单位/人", "某商贸公司");
        await staff.FillAsync("礼品", "购物卡一张");
        await staff.FillAsync("估值（元）", "300");
        await staff.ChooseAsync("处理方式", "已上交");
        await staff.Button("提交申报").ClickAsync();
        // The declaration is written and numbered on the server: on a loaded machine that took over 5 s once.
        await Expect(staff.Page.GetByTestId("page-notice")).ToContainTextAsync(new Regex(@"已登记，编号 LP\d{4}-\d{4}"), new() { Timeout = 20_000 });
        var row = staff.Page.GetByTestId("my-gifts").Locator("tr", new() { HasText = "购物卡一张" });
        await Expect(row).ToContainTextAsync("待审核");

        var supervisor = new SupervisionPages(await LoginPage.SignedInAsync(await hall.NewPageAsync(), "supervisor", "/dashboard"));
        await supervisor.GotoAsync("/supervision");
        await supervisor.OpenTabAsync("礼品申报");
        var gift = supervisor.Page.GetByTestId("gifts").Locator("tr", new() { HasText = "购物卡一张" });
        await gift.GetByRole(AriaRole.Button, new() { Name = "审核" }).ClickAsync();
        var review = supervisor.Page.GetByTestId("gift-review");
        await review.GetByLabel("审核意见").FillAsync("已交纪检组登记");
        await review.GetByRole(AriaRole.Button, new() { Name = "确认", Exact = true }).ClickAsync();
        await Expect(gift).ToContainTextAsync("已确认");

        await staff.Page.ReloadAsync();
        await staff.WaitReadyAsync();
        await Expect(row).ToContainTextAsync("已确认");
        await Expect(row).ToContainTextAsync("已交纪检组登记");
    }

    [Fact]
    public async Task AdminSetsTheHallsRules_AndAddsAForbiddenPhraseThatTheCheckerThenFlags()
    {
        // A click on the prerendered page, before its circuit is up, can leave the next page without one.
        var page = (await AdminPage.OpenAsync(await hall.NewPageAsync())).Page;
        await page.GetByRole(AriaRole.Link, new() { Name = "监督规则" }).ClickAsync();
        await page.WaitForURLAsync(new Regex("/admin/supervision/"));
        var admin = new SupervisionPages(page);
        await admin.WaitReadyAsync();
        await Expect(page.GetByText("本大厅目前使用系统默认值，保存后按本大厅设置执行。")).ToBeVisibleAsync();
        await admin.FillAsync("整改反馈时限（工作日）", "10");
        await admin.PickAsync("超期未评价视为“基本满意”");
        await admin.FillAsync("未评价天数", "7");
        await admin.Button("保存").ClickAsync();
        await Expect(page.GetByTestId("page-notice")).ToBeVisibleAsync();
        await page.ReloadAsync();
        await admin.WaitReadyAsync();
        await Expect(page.GetByLabel("整改反馈时限（工作日）", new() { Exact = true })).ToHaveValueAsync("10");
        await Expect(page.GetByLabel("未评价天数", new() { Exact = true })).ToHaveValueAsync("7");

        // A city-wide administrator supervises the hall chosen at the top (the demo hall is the only one).
        await admin.GotoAsync("/supervision");
        await admin.OpenTabAsync("服务用语");
        await admin.FillAsync("用语", "不归我们窗口管");
        await admin.ChooseAsync("类别", "服务忌语");
        await admin.Button("添加").ClickAsync();
        var phrases = page.GetByTestId("phrases");
        await Expect(phrases.Locator("tr", new() { HasText = "不归我们窗口管" })).ToContainTextAsync("启用");
        await page.Locator("textarea[data-testid=transcript], [data-testid=transcript] textarea").FillAsync("您好。这个不归我们窗口管。再见");
        await admin.Button("检查").ClickAsync();
        await Expect(page.GetByTestId("conduct-report")).ToContainTextAsync("服务忌语: 不归我们窗口管 → 不归我们窗口管");

        await phrases.Locator("tr", new() { HasText = "不归我们窗口管" }).GetByRole(AriaRole.Button, new() { Name = "停用" }).ClickAsync();
        await Expect(phrases.Locator("tr", new() { HasText = "不归我们窗口管" })).ToContainTextAsync("已停用");
    }

    /// <summary>A ticket served at counter <paramref name="counterNumber"/> and rated on its pad; returns the ticket number.</summary>
    private async Task<string> RateOnPadAsync(string staffName, int counterNumber, string level, string comment)
    {
        using var staff = await hall.SignedInAsync(staffName);
        var counters = await staff.GetFromJsonAsync<JsonArray>($"/api/halls/{hall.HallId}/counters");
        var counter = counters!.First(c => c!["number"]!.GetValue<int>() == counterNumber)!;
        var counterId = counter["id"]!.GetValue<string>();
        var itemId = counter["serviceItemIds"]![0]!.GetValue<string>();
        using var citizen = hall.Http();
        var issued = await citizen.PostAsJsonAsync($"/api/halls/{hall.HallId}/tickets", new { serviceItemId = itemId, priority = "normal" });
        var ticket = (await issued.Content.ReadFromJsonAsync<JsonObject>())!;
        var ticketId = ticket["id"]!.GetValue<string>();
        (await staff.PostAsync($"/api/counters/{counterId}/open", null)).EnsureSuccessStatusCode();
        (await staff.PostAsync($"/api/counters/{counterId}/call-next", null)).EnsureSuccessStatusCode();
        (await staff.PostAsync($"/api/counters/{counterId}/tickets/{ticketId}/start", null)).EnsureSuccessStatusCode();
        (await staff.PostAsync($"/api/counters/{counterId}/tickets/{ticketId}/finish", null)).EnsureSuccessStatusCode();

        var pad = await hall.NewPageAsync(1024, 768);
        await new RatingPadPage(pad).GotoAndSignInAsync(counterId, $"pad{counterNumber}");
        await Expect(pad.Locator("#pad-ticket")).ToContainTextAsync(ticket["number"]!.GetValue<string>());
        await pad.GetByRole(AriaRole.Button, new() { Name = level, Exact = true }).ClickAsync();
        await pad.GetByLabel("意见和建议（选填）").FillAsync(comment);
        await pad.GetByRole(AriaRole.Button, new() { Name = "提交评价" }).ClickAsync();
        if (level is "不满意" or "非常不满意") // a bad rating asks for an optional callback phone first
            await pad.GetByRole(AriaRole.Button, new() { Name = "不留电话，直接提交" }).ClickAsync();
        await Expect(pad.GetByRole(AriaRole.Status)).ToHaveTextAsync("感谢您的评价！");
        return ticket["number"]!.GetValue<string>();
    }
}
