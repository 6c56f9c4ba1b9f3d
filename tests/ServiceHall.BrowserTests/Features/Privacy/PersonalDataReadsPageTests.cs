using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using ServiceHall.BrowserTests.Infrastructure;
using ServiceHall.BrowserTests.Pages;
using ServiceHall.Core.Data;
using ServiceHall.Core.Privacy;
using static Microsoft.Playwright.Assertions;

namespace ServiceHall.BrowserTests.Features.Privacy;

/// <summary>P3: the administrator reads the audit of personal-data reads, filters it, and verifies its chain.</summary>
public sealed class PersonalDataReadsPageTests(BrowserHall hall) : IClassFixture<BrowserHall>
{
    private async Task RevealAsync(string reader, PersonalDataKind kind, string value, string subjectType, string purpose)
    {
        using var scope = hall.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<HallDbContext>();
        var vault = scope.ServiceProvider.GetRequiredService<IPersonalDataVault>();
        var readerId = await db.Users.Where(u => u.UserName == reader).Select(u => u.Id).SingleAsync();
        await vault.RevealAsync(new SealedRef(kind, vault.Seal(kind, value).Cipher, subjectType, Guid.NewGuid(), hall.HallId), readerId, purpose);
    }

    [Fact]
    public async Task Admin_FiltersReads_VerifiesChain_SeesATamperedEntry()
    {
        await RevealAsync("supervisor", PersonalDataKind.Phone, "13812345678", "Complaint", "回访投诉人");
        await RevealAsync("supervisor", PersonalDataKind.Name, "张三丰", "Case", "打印受理回执");
        await RevealAsync("staff1", PersonalDataKind.IdNumber, "11010519491231002X", "Case", "核验身份");
        await RevealAsync("staff1", PersonalDataKind.FreeText, "电话13812345678", "Inquiry", "回复咨询");

        // The menu is clicked once /admin answers clicks: a click on the prerendered page changed the address
        // while the circuit, coming up, kept showing /admin.
        var page = (await AdminPage.OpenAsync(await hall.NewPageAsync(1366, 768))).Page;
        // The administrators' menu leads there.
        await page.GetByRole(AriaRole.Link, new() { Name = "个人信息查阅记录" }).ClickAsync();
        await page.WaitForURLAsync("**/admin/personal-data-reads");
        await page.Locator("[data-page-ready=true]").WaitForAsync(new() { State = WaitForSelectorState.Attached, Timeout = 60_000 });
        var rows = page.GetByTestId("reads").Locator("tbody tr");
        await Expect(rows).ToHaveCountAsync(4);
        await Expect(page.GetByTestId("reads-total")).ToHaveTextAsync("共 4 条");

        await page.GetByLabel("用途包含").FillAsync("身份");
        await page.GetByTestId("search-reads").ClickAsync();
        await Expect(rows).ToHaveCountAsync(1);
        await Expect(rows.First).ToContainTextAsync("身份证号");
        await Expect(rows.First).ToContainTextAsync("核验身份");
        await page.GetByLabel("用途包含").FillAsync("");
        await page.GetByTestId("search-reads").ClickAsync();
        await Expect(rows).ToHaveCountAsync(4);

        await page.GetByTestId("verify-chain").ClickAsync();
        await Expect(page.GetByTestId("verify-result")).ToContainTextAsync("记录链完整：共 4 条");
        await Layout.AssertAsync(page, LayoutRules.BackOffice);
        await Layout.AssertCjkRenderedAsync(page);
        if (Environment.GetEnvironmentVariable("SERVICEHALL_SCREENSHOTS") is { Length: > 0 } shots)
            await page.ScreenshotAsync(new() { Path = Path.Combine(shots, "personal-data-reads-zh.png"), FullPage = true });

        // Someone edits the second entry in the database: the next verification names it.
        using (var scope = hall.Services.CreateScope())
            await scope.ServiceProvider.GetRequiredService<HallDbContext>().PersonalDataReads.Where(r => r.Sequence == 2)
                .ExecuteUpdateAsync(s => s.SetProperty(r => r.Purpose, "例行检查"));
        await page.GetByTestId("verify-chain").ClickAsync();
        await Expect(page.GetByTestId("verify-result")).ToContainTextAsync("第 2 条记录在写入后被改动");
    }
}
