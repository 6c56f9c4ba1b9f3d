using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace ServiceHall.BrowserTests.Pages;

/// <summary>The administrator's settings <c>/admin</c>: tabs with tables and edit dialogs.</summary>
public sealed class AdminPage(IPage page)
{
    public IPage Page => page;

    public static async Task<AdminPage> OpenAsync(IPage page)
    {
        await LoginPage.SignedInAsync(page, "admin", "/admin");
        var admin = new AdminPage(page);
        // Until the circuit is up the page is prerendered HTML that does not answer clicks.
        await page.Locator("[data-interactive=yes]").WaitForAsync();
        return admin;
    }

    public ILocator Tab(string name) => page.GetByRole(AriaRole.Tab, new() { Name = name });

    public ILocator Button(string name) => page.GetByRole(AriaRole.Button, new() { Name = name, Exact = true });

    public ILocator Dialog => page.GetByRole(AriaRole.Dialog);

    public ILocator Field(string label) => Dialog.GetByLabel(label, new() { Exact = true });

    /// <summary>The validation message under a field, or the refusal shown in the dialog.</summary>
    public ILocator DialogText(string text) => Dialog.GetByText(text);

    public ILocator DialogError => Dialog.GetByTestId("dialog-error");

    public ILocator Row(string text) => page.GetByRole(AriaRole.Row).Filter(new() { HasText = text });

    public async Task OpenTabAsync(string name)
    {
        await Tab(name).ClickAsync();
        await Assertions.Expect(Tab(name)).ToHaveAttributeAsync("aria-selected", "true");
    }

    public async Task CancelAsync()
    {
        await Dialog.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^(取消|Cancel)$") }).ClickAsync();
        await Assertions.Expect(Dialog).ToHaveCountAsync(0);
    }

    public async Task SaveAsync() => await Dialog.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^(保存|Save)$") }).ClickAsync();
}
