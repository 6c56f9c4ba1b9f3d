using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Hosting;
using ServiceHall.IntegrationTests.Infrastructure;

namespace ServiceHall.IntegrationTests.Platform;

/// <summary>QR codes and enrolment links take the configured public address, or the request's only from a trusted host.</summary>
public abstract class PublicAddressTests(HallApp app)
{
    [Fact]
    public async Task ForgedHost_NoQrCodeForIt_EnrolmentLinkRelative()
    {
        var hall = await TestHall.CreateAsync(app);
        var qr = $"/api/halls/{hall.Id}/service-items/{hall.Item("A")}/guide/qr.svg";
        var client = app.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(qr)).StatusCode);

        var forged = await client.SendAsync(WithHost(qr, "evil.example"));
        await Expect.ProblemAsync(forged, HttpStatusCode.BadRequest, "PublicAddressUnknown");

        var admin = await app.Api("admin").SignInAsync();
        using var create = WithHost($"/api/halls/{hall.Id}/devices", "evil.example", HttpMethod.Post);
        create.Content = JsonContent.Create(new { kind = "kiosk", name = "东门取号机" }, options: ApiClient.Json);
        var created = await admin.Http.SendAsync(create);
        await Expect.StatusAsync(created, HttpStatusCode.Created);
        var link = (await created.Content.ReadFromJsonAsync<JsonObject>())!["link"]!.GetValue<string>();
        Assert.StartsWith("/enrol?code=", link);
    }

    [Fact]
    public async Task ConfiguredAddressOrAllowedHosts_UsedForCodesAndLinks()
    {
        var hall = await TestHall.CreateAsync(app);
        var qr = $"/api/halls/{hall.Id}/service-items/{hall.Item("A")}/guide/qr.svg";
        using var listed = app.WithWebHostBuilder(b => b.UseSetting("PublicPages:AllowedHosts", "hall.example;*.hall.example"));
        var client = listed.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(WithHost(qr, "hall.example"))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(WithHost(qr, "east.hall.example"))).StatusCode);
        // Listing hosts replaces the loopback default.
        Assert.Equal(HttpStatusCode.BadRequest, (await client.SendAsync(WithHost(qr, "localhost"))).StatusCode);

        using var configured = app.WithWebHostBuilder(b => b.UseSetting("PublicPages:BaseUrl", "https://hall.example/"));
        Assert.Equal(HttpStatusCode.OK, (await configured.CreateClient().SendAsync(WithHost(qr, "evil.example"))).StatusCode);
        var admin = configured.CreateClient();
        var token = await admin.PostAsJsonAsync("/api/auth/login", new { userName = "admin", password = ServiceHall.Core.Features.Halls.SeedDemoHall.DemoPassword });
        admin.DefaultRequestHeaders.Authorization = new("Bearer", (await token.Content.ReadFromJsonAsync<JsonObject>())!["accessToken"]!.GetValue<string>());
        using var create = WithHost($"/api/halls/{hall.Id}/devices", "evil.example", HttpMethod.Post);
        create.Content = JsonContent.Create(new { kind = "kiosk", name = "西门取号机" }, options: ApiClient.Json);
        var created = await admin.SendAsync(create);
        await Expect.StatusAsync(created, HttpStatusCode.Created);
        Assert.StartsWith("https://hall.example/enrol?code=", (await created.Content.ReadFromJsonAsync<JsonObject>())!["link"]!.GetValue<string>());
    }

    private static HttpRequestMessage WithHost(string url, string host, HttpMethod? method = null)
    {
        var request = new HttpRequestMessage(method ?? HttpMethod.Get, url);
        request.Headers.Host = host;
        return request;
    }
}

public sealed class SqlitePublicAddressTests(SqliteHallApp app) : PublicAddressTests(app), IClassFixture<SqliteHallApp>;

public sealed class PostgresPublicAddressTests(PostgresHallApp app) : PublicAddressTests(app), IClassFixture<PostgresHallApp>;
