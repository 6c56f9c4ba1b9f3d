using Microsoft.Playwright;

namespace ServiceHall.BrowserTests.Pages;

/// <summary>The citizen's phone page <c>/t/{ticketId}</c>.</summary>
public sealed class PhonePage(IPage page)
{
    public IPage Page => page;

    public async Task GotoAsync(Guid ticketId, string? lang = null)
    {
        await page.GotoAsync($"/t/{ticketId}" + (lang is null ? "" : $"?lang={lang}"));
        await page.Locator("body[data-connection=connected]").WaitForAsync();
    }

    /// <summary>The ticket card, named by its number.</summary>
    public ILocator Ticket(string number) => page.GetByRole(AriaRole.Region, new() { Name = number });

    /// <summary>The ticket's state (排队中, 已叫号 …).</summary>
    public ILocator Status => page.GetByRole(AriaRole.Status);

    /// <summary>The large "请到 N 号窗口" notice shown once the ticket is called.</summary>
    public ILocator CalledNotice => page.GetByRole(AriaRole.Alert);
}
