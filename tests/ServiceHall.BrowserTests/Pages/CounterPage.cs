using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace ServiceHall.BrowserTests.Pages;

/// <summary>The counter workstation <c>/counter</c> of a signed-in staff member.</summary>
public sealed class CounterPage(IPage page)
{
    public IPage Page => page;

    /// <summary>Opens /counter and waits until the circuit is up (buttons and shortcuts work from then on).</summary>
    public async Task GotoAsync()
    {
        await page.GotoAsync("/counter");
        await WaitReadyAsync();
    }

    public Task WaitReadyAsync() => page.Locator("[data-counter-ready=true]").WaitForAsync();

    /// <summary>A button by the start of its accessible name: the label before the shortcut key ("呼叫下一位 F1").</summary>
    public ILocator Button(string label) =>
        page.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^" + Regex.Escape(label)) });

    public async Task OpenCounterAsync(int number)
    {
        await page.GetByRole(AriaRole.Button, new() { Name = $"开启 {number} 号窗口" }).ClickAsync();
        await Header.WaitForAsync();
    }

    public ILocator Header => page.GetByTestId("counter-header");
    public ILocator State => page.GetByTestId("counter-state");
    public ILocator CurrentTicket => page.GetByTestId("current-ticket");
    public ILocator CurrentNumber => page.GetByTestId("current-number");
    public ILocator CurrentStatus => page.GetByTestId("current-status");
    public ILocator WaitingCount => page.GetByTestId("waiting-count");
    public ILocator WaitingList => page.GetByTestId("waiting-list");
    public ILocator Waiting(string number) => WaitingList.GetByRole(AriaRole.Row).Filter(new() { HasText = number });
    public ILocator Error => page.GetByTestId("counter-error");
    public ILocator Notice => page.GetByTestId("counter-notice");
    public ILocator Dialog(string name) => page.GetByRole(AriaRole.Dialog, new() { Name = name });
}
