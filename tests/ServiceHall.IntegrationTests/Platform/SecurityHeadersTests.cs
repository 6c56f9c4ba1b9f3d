using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using ServiceHall.IntegrationTests.Infrastructure;

namespace ServiceHall.IntegrationTests.Platform;

/// <summary>Every response carries the security headers; HSTS and the HTTPS redirect only where TLS is served.</summary>
public abstract class SecurityHeadersTests(HallApp app)
{
    [Fact]
    public async Task EveryKindOfResponse_CarriesCspFramingSniffingAndReferrerHeaders()
    {
        var hall = await TestHall.CreateAsync(app);
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var strict = new[]
        {
            $"/kiosk/{hall.Id}", $"/display/{hall.Id}", $"/complain/{hall.Id}", $"/guide/{hall.Id}/{hall.Item("A")}",
            "/api/halls", $"/api/tickets/{Guid.NewGuid()}", "/public/kiosk.js", "/public/printable.css", "/openapi/v1.json", "/healthz",
        };
        foreach (var url in strict)
        {
            var response = await client.GetAsync(url);
            var csp = Common(response, url);
            Assert.Contains("style-src 'self'", csp);
            Assert.DoesNotContain("unsafe-inline", csp);
        }

        // Blazor pages: MudBlazor writes style attributes at run time; script stays 'self'.
        var login = await client.GetAsync("/login");
        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        var page = Common(login, "/login");
        Assert.Contains("style-src 'self' 'unsafe-inline'", page);
        Assert.Contains("script-src 'self';", page);
        Assert.DoesNotContain("<script>", await login.Content.ReadAsStringAsync());

        // The API reference has a policy of its own.
        var reference = await client.GetAsync("/api-docs");
        Assert.Contains("script-src 'self' 'unsafe-inline'", Common(reference, "/api-docs"));

        // No HSTS over plain http, and no redirect: the loopback demo stays reachable.
        var plain = await client.GetAsync("/api/halls");
        Assert.Equal(HttpStatusCode.OK, plain.StatusCode);
        Assert.False(plain.Headers.Contains("Strict-Transport-Security"));
    }

    [Fact]
    public async Task OverTls_Hsts_AndRedirectOnlyWhenKestrelServesHttps()
    {
        var tls = app.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://hall.example"), AllowAutoRedirect = false });
        var secure = await tls.GetAsync("/api/halls");
        Assert.Equal(HttpStatusCode.OK, secure.StatusCode);
        Assert.StartsWith("max-age=31536000", secure.Headers.GetValues("Strict-Transport-Security").Single());

        using var https = app.WithWebHostBuilder(b => b.UseSetting("https_ports", "443"));
        var redirected = await https.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false }).GetAsync("/api/halls");
        Assert.Equal(HttpStatusCode.PermanentRedirect, redirected.StatusCode);
        Assert.Equal("https://localhost/api/halls", redirected.Headers.Location!.ToString());
    }

    private static string Common(HttpResponseMessage response, string url)
    {
        var csp = Assert.Single(response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("default-src 'self'", csp);
        Assert.Contains("frame-ancestors 'none'", csp);
        Assert.Contains("object-src 'none'", csp);
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("DENY", Assert.Single(response.Headers.GetValues("X-Frame-Options")));
        Assert.True(response.Headers.TryGetValues("Referrer-Policy", out var referrer), url);
        Assert.Equal("same-origin", Assert.Single(referrer));
        return csp;
    }
}

public sealed class SqliteSecurityHeadersTests(SqliteHallApp app) : SecurityHeadersTests(app), IClassFixture<SqliteHallApp>;

public sealed class PostgresSecurityHeadersTests(PostgresHallApp app) : SecurityHeadersTests(app), IClassFixture<PostgresHallApp>;
