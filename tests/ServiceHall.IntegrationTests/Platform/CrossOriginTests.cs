using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ServiceHall.Core.Features.Halls;
using ServiceHall.IntegrationTests.Infrastructure;

namespace ServiceHall.IntegrationTests.Platform;

/// <summary>A state-changing call with the staff's cookie comes only from the site's own pages; bearer calls are untouched.</summary>
public abstract class CrossOriginTests(HallApp app)
{
    [Fact]
    public async Task CookieFormPostFromAnotherSite_403_SameOriginWorks_BearerUnaffected()
    {
        var hall = await TestHall.CreateAsync(app);
        var browser = app.CreateClient();
        var login = await browser.PostAsJsonAsync("/api/auth/login?useCookies=true", new { userName = hall.Staff[0], password = SeedDemoHall.DemoPassword });
        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        var open = $"/api/counters/{hall.Counters[0]}/open";

        // A form on another site posts to the counter: the cookie goes along, the browser says where from.
        var forged = await browser.SendAsync(FormPost(open, origin: "https://evil.example", fetchSite: "cross-site"));
        await Expect.ProblemAsync(forged, HttpStatusCode.Forbidden, "CrossOrigin");
        // Another port of the same host is the same site for cookies, but not the same origin.
        await Expect.ProblemAsync(await browser.SendAsync(FormPost(open, "http://localhost:8080", "same-site")), HttpStatusCode.Forbidden, "CrossOrigin");
        // A browser without Sec-Fetch-Site is judged by its Origin header.
        await Expect.ProblemAsync(await browser.SendAsync(FormPost(open, "https://evil.example", null)), HttpStatusCode.Forbidden, "CrossOrigin");
        var counters = await app.Api(hall.Supervisor).GetOkAsync<JsonNode>($"/api/halls/{hall.Id}/counters");
        Assert.Equal("closed", counters.AsArray().Single(c => c!["id"]!.GetValue<Guid>() == hall.Counters[0])!["state"]!.GetValue<string>());

        // The staff page itself (same origin) keeps working with the cookie.
        var own = await browser.SendAsync(FormPost(open, "http://localhost", "same-origin"));
        await Expect.StatusAsync(own, HttpStatusCode.OK);

        // An integrator's bearer call is not a browser's ambient credential: its Origin does not matter.
        var integrator = await app.Api(hall.Staff[1]).SignInAsync();
        using var bearer = FormPost($"/api/counters/{hall.Counters[1]}/open", "https://evil.example", "cross-site");
        bearer.Headers.Authorization = integrator.Http.DefaultRequestHeaders.Authorization;
        await Expect.StatusAsync(await integrator.Http.SendAsync(bearer), HttpStatusCode.OK);
    }

    private static HttpRequestMessage FormPost(string url, string? origin, string? fetchSite)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new FormUrlEncodedContent([]) };
        if (origin is not null)
            request.Headers.Add("Origin", origin);
        if (fetchSite is not null)
            request.Headers.Add("Sec-Fetch-Site", fetchSite);
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/x-www-form-urlencoded");
        return request;
    }
}

public sealed class SqliteCrossOriginTests(SqliteHallApp app) : CrossOriginTests(app), IClassFixture<SqliteHallApp>;

public sealed class PostgresCrossOriginTests(PostgresHallApp app) : CrossOriginTests(app), IClassFixture<PostgresHallApp>;
