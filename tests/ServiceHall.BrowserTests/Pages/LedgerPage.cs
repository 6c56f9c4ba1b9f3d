using Microsoft.Playwright;

namespace ServiceHall.BrowserTests.Pages;

/// <summary>The service ledger: <c>/supervision/ledger</c> for supervisors, <c>/ledger</c> for a staff member's own lines.</summary>
public sealed class LedgerPage(IPage page)
{
    public IPage Page => page;

    /// <summary>Opens the page and waits until its circuit is up and the ledger has been read.</summary>
    public async Task GotoAsync(string url = "/supervision/ledger")
    {
        await page.GotoAsync(url);
        await page.Locator("[data-report-ready=true]").WaitForAsync(new() { State = WaitForSelectorState.Attached, Timeout = 60_000 });
        await Items.WaitForAsync();
    }

    public ILocator Items => page.GetByTestId("ledger-items");

    /// <summary>The line of the items table that names all of <paramref name="texts"/>.</summary>
    public ILocator Row(params string[] texts) =>
        texts.Aggregate(Items.Locator("tbody tr"), (rows, text) => rows.Filter(new() { HasText = text }));

    public ILocator StaffTable => page.GetByTestId("ledger-staff-table");
    public ILocator Summaries => page.GetByTestId("ledger-summaries");
    public ILocator Export => page.GetByTestId("ledger-export");

    public async Task ChooseAsync(string label, string option)
    {
        await page.GetByLabel(label, new() { Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { Name = option, Exact = true }).ClickAsync();
    }

    /// <summary>Clicks the export and gives the downloaded file's bytes.</summary>
    public async Task<(string FileName, byte[] Bytes)> DownloadAsync()
    {
        var download = await page.RunAndWaitForDownloadAsync(() => Export.ClickAsync());
        await using var stream = await download.CreateReadStreamAsync();
        using var copy = new MemoryStream();
        await stream.CopyToAsync(copy);
        return (download.SuggestedFilename, copy.ToArray());
    }
}
