using System.Net;
using ServiceHall.IntegrationTests.Infrastructure;

namespace ServiceHall.IntegrationTests.Features.Guides;

/// <summary>The guide's QR code for the kiosk, and the printable guide that prints itself for the counter (M1).</summary>
public abstract class GuideQrTests(HallApp app)
{
    [Fact]
    public async Task GuideQr_KnownItemSvg_UnknownNotFound_PrintPagePrintsItself()
    {
        var hall = await TestHall.CreateAsync(app);
        var citizen = app.Api();
        var qr = await citizen.GetAsync($"/api/halls/{hall.Id}/service-items/{hall.Item("A")}/guide/qr.svg");
        Assert.Equal(HttpStatusCode.OK, qr.StatusCode);
        Assert.Equal("image/svg+xml", qr.Content.Headers.ContentType?.MediaType);
        Assert.Contains("<svg", await qr.Content.ReadAsStringAsync());
        await Expect.ProblemAsync(await citizen.GetAsync($"/api/halls/{hall.Id}/service-items/{Guid.NewGuid()}/guide/qr.svg"),
            HttpStatusCode.NotFound, "ServiceItemNotFound");
        var other = await TestHall.CreateAsync(app);
        await Expect.ProblemAsync(await citizen.GetAsync($"/api/halls/{other.Id}/service-items/{hall.Item("A")}/guide/qr.svg"),
            HttpStatusCode.NotFound, "ServiceItemNotFound");

        var printed = await (await citizen.GetAsync($"/guide/{hall.Id}/{hall.Item("A")}?print=1")).Content.ReadAsStringAsync();
        // The print dialog is opened by the page's script file (no inline script under the CSP).
        Assert.Contains("<body data-print-on-load>", printed);
        Assert.Contains("/public/printable.js", printed);
        Assert.DoesNotContain("<script>", printed);
        var read = await (await citizen.GetAsync($"/guide/{hall.Id}/{hall.Item("A")}")).Content.ReadAsStringAsync();
        Assert.DoesNotContain("data-print-on-load", read);
    }
}

public sealed class SqliteGuideQrTests(SqliteHallApp app) : GuideQrTests(app), IClassFixture<SqliteHallApp>;

public sealed class PostgresGuideQrTests(PostgresHallApp app) : GuideQrTests(app), IClassFixture<PostgresHallApp>;
