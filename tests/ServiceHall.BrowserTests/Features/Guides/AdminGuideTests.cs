using Deque.AxeCore.Playwright;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Playwright;
using ServiceHall.BrowserTests.Infrastructure;
using ServiceHall.BrowserTests.Pages;
using static Microsoft.Playwright.Assertions;

namespace ServiceHall.BrowserTests.Features.Guides;

/// <summary>M1: an administrator edits an item's materials in /admin/guides and the public guide shows them.</summary>
public sealed class AdminGuideTests(BrowserHall hall) : IClassFixture<BrowserHall>
{
    private static ILocator Input(ILocator scope, string testId) => scope.GetByTestId(testId).Locator("xpath=descendant-or-self::input").First;

    [Fact]
    public async Task EditMaterial_AddAndReorder_SavedAndShownOnThePublicGuide()
    {
        var page = await LoginPage.SignedInAsync(await hall.NewPageAsync(1400, 900), "admin", "/admin");
        await page.GotoAsync("/admin/guides");
        await page.Locator("[data-guides-ready=true]").WaitForAsync(new() { State = WaitForSelectorState.Attached });
        var rows = page.GetByTestId("guide-material");
        await Expect(rows.First).ToBeVisibleAsync();
        var before = await rows.CountAsync();
        await AssertAccessibleAsync(page);

        // Validation: a material needs a name; the message names the rule and nothing is saved.
        await page.GetByTestId("add-material").ClickAsync();
        await Expect(rows).ToHaveCountAsync(before + 1);
        await page.GetByTestId("save-guide").ClickAsync();
        await Expect(page.GetByTestId("guide-error")).ToBeVisibleAsync();

        var added = rows.Nth(before);
        await Input(added, "material-name").FillAsync("经办人授权委托书（测试）");
        await Input(added, "material-copies").FillAsync("2");
        await Input(added, "material-notes").FillAsync("须加盖单位公章");
        // Move it up to the first place.
        for (var i = before; i > 0; i--)
            await rows.Nth(i).GetByRole(AriaRole.Button, new() { Name = "上移" }).ClickAsync();
        await Expect(Input(rows.First, "material-name")).ToHaveValueAsync("经办人授权委托书（测试）");
        // And change the notes of what is now the second material.
        await Input(rows.Nth(1), "material-notes").FillAsync("原件核验后退还（已修改）");
        await page.GetByTestId("save-guide").ClickAsync();
        await Expect(page.GetByTestId("guide-error")).ToHaveCountAsync(0);
        await Expect(page.GetByText("办事指南已保存。")).ToBeVisibleAsync();

        if (Environment.GetEnvironmentVariable("SERVICEHALL_SCREENSHOTS") is { Length: > 0 } shots)
            await page.ScreenshotAsync(new() { Path = Path.Combine(shots, "admin-guides-zh.png"), FullPage = true });
        var preview = await page.GetByTestId("guide-preview").GetAttributeAsync("href");
        var guide = await page.Context.NewPageAsync();
        await guide.GotoAsync(preview!);
        var table = guide.Locator("table").Filter(new() { HasText = "经办人授权委托书（测试）" });
        await Expect(table).ToBeVisibleAsync();
        await Expect(table.Locator("tbody tr").First).ToContainTextAsync("经办人授权委托书（测试）");
        await Expect(table.Locator("tbody tr").First).ToContainTextAsync("须加盖单位公章");
        await Expect(table.Locator("tbody tr").Nth(1)).ToContainTextAsync("原件核验后退还（已修改）");

        // The API reads the same guide.
        using var http = hall.Http();
        var itemId = preview!.Split('/').Last();
        var json = await http.GetFromJsonAsync<JsonObject>($"/api/halls/{hall.HallId}/service-items/{itemId}/guide");
        var first = json!["materials"]![0]!;
        Assert.Equal("经办人授权委托书（测试）", first["name"]!.GetValue<string>());
        Assert.Equal(2, first["copies"]!.GetValue<int>());
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
