using Microsoft.Playwright;

namespace ServiceHall.BrowserTests.Pages;

/// <summary>The kiosk (取号机) as a citizen uses it: an item, a priority, confirm, the ticket.</summary>
public sealed class KioskPage(IPage page)
{
    public IPage Page => page;

    public async Task GotoAsync(Guid hallId, string? lang = null)
    {
        await page.GotoAsync($"/kiosk/{hallId}" + (lang is null ? "" : $"?lang={lang}"));
        await Heading.WaitForAsync();
    }

    public ILocator Heading => page.GetByRole(AriaRole.Heading, new() { Level = 2 }).First;

    public ILocator Item(string name) => page.GetByRole(AriaRole.Button, new() { Name = name });

    public ILocator Priority(string label) => page.GetByRole(AriaRole.Button, new() { Name = label, Exact = true });

    public ILocator Button(string label) => page.GetByRole(AriaRole.Button, new() { Name = label, Exact = true });

    public ILocator Ticket(string regionName) => page.GetByRole(AriaRole.Region, new() { Name = regionName });

    public ILocator TicketNumber => page.Locator("#ticket-number");

    public ILocator QrCode(string altText) => page.GetByRole(AriaRole.Img, new() { Name = altText });

    public async Task TakeTicketAsync(string item, string priority, string confirm = "确认取号")
    {
        await Item(item).ClickAsync();
        await Priority(priority).ClickAsync();
        await Button(confirm).ClickAsync();
    }

    public async Task<Guid> TicketIdAsync() => Guid.Parse((await page.Locator("#ticket").GetAttributeAsync("data-ticket-id"))!);
}
