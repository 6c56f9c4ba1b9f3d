using System.Net;
using System.Net.Http.Headers;
using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using ServiceHall.IntegrationTests.Infrastructure;
using ServiceHall.Web.Identity;

namespace ServiceHall.IntegrationTests.Features.Identity;

/// <summary>
/// A bearer token read once is remembered (BearerTicketCache): through the app, it must still expire
/// on time and an altered token must still fail.
/// </summary>
public abstract class BearerTokenTests(HallApp app)
{
    private const string StaffOnlyRoute = "/api/attendance/me";

    [Fact]
    public async Task Token_RememberedAfterUse_StillExpiresOnTime()
    {
        var staff = await app.Api("staff1").SignInAsync();
        Assert.Equal(HttpStatusCode.OK, (await staff.Http.GetAsync(StaffOnlyRoute)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await staff.Http.GetAsync(StaffOnlyRoute)).StatusCode);

        // The test app issues tokens for 100,000 minutes (HallApp); this class has an app of its own.
        app.Clock.Advance(TimeSpan.FromMinutes(100_001));

        Assert.Equal(HttpStatusCode.Unauthorized, (await staff.Http.GetAsync(StaffOnlyRoute)).StatusCode);
    }

    [Fact]
    public async Task Token_AlteredAfterAGoodOneWasRemembered_Refused()
    {
        var staff = await app.Api("staff2").SignInAsync();
        Assert.Equal(HttpStatusCode.OK, (await staff.Http.GetAsync(StaffOnlyRoute)).StatusCode);
        var token = staff.Http.DefaultRequestHeaders.Authorization!.Parameter!;

        var altered = app.CreateClient();
        altered.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token[..^4] + Flip(token[^4..]));

        Assert.Equal(HttpStatusCode.Unauthorized, (await altered.GetAsync(StaffOnlyRoute)).StatusCode);
    }

    private static string Flip(string tail) =>
        new(tail.Select(c => c == 'A' ? 'B' : 'A').ToArray());
}

public sealed class SqliteBearerTokenTests(SqliteHallApp app) : BearerTokenTests(app), IClassFixture<SqliteHallApp>;

public sealed class PostgresBearerTokenTests(PostgresHallApp app) : BearerTokenTests(app), IClassFixture<PostgresHallApp>;

/// <summary>The cache itself: a token is read once, and no request sees what another did to its principal.</summary>
public sealed class BearerTicketCacheTests
{
    [Fact]
    public void Unprotect_SameTokenTwice_ReadOnceAndEachCallerGetsItsOwnPrincipal()
    {
        var inner = new CountingFormat();
        var cache = new BearerTicketCache(inner);

        var first = cache.Unprotect("token-a")!;
        ((ClaimsIdentity)first.Principal.Identity!).AddClaim(new Claim("added-by", "first request"));
        first.Properties.Items["changed"] = "yes";
        var second = cache.Unprotect("token-a")!;

        Assert.Equal(1, inner.Reads);
        Assert.Equal("staff1", second.Principal.Identity!.Name);
        Assert.Null(second.Principal.FindFirst("added-by"));
        Assert.False(second.Properties.Items.ContainsKey("changed"));
    }

    [Fact]
    public void Unprotect_TokenThatDoesNotRead_NotRemembered()
    {
        var inner = new CountingFormat();
        var cache = new BearerTicketCache(inner);

        Assert.Null(cache.Unprotect("forged"));
        Assert.Null(cache.Unprotect("forged"));

        Assert.Equal(2, inner.Reads);
    }

    /// <summary>Reads "token-…" as staff1's ticket and anything else as unreadable, counting reads.</summary>
    private sealed class CountingFormat : ISecureDataFormat<AuthenticationTicket>
    {
        public int Reads { get; private set; }

        public string Protect(AuthenticationTicket data) => throw new NotSupportedException();

        public string Protect(AuthenticationTicket data, string? purpose) => throw new NotSupportedException();

        public AuthenticationTicket? Unprotect(string? protectedText) => Unprotect(protectedText, null);

        public AuthenticationTicket? Unprotect(string? protectedText, string? purpose)
        {
            Reads++;
            if (protectedText?.StartsWith("token-", StringComparison.Ordinal) != true)
                return null;
            var identity = new ClaimsIdentity([new Claim(ClaimTypes.Name, "staff1")], "test");
            var properties = new AuthenticationProperties { ExpiresUtc = HallApp.Start.AddHours(8) };
            return new AuthenticationTicket(new ClaimsPrincipal(identity), properties, "test");
        }
    }
}
