using System.Net;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using ServiceHall.IntegrationTests.Infrastructure;

namespace ServiceHall.IntegrationTests.Features.PublicPages;

/// <summary>
/// The anonymous counter list (display, phones) shows what a citizen may see: counter, state, the public pause
/// category, and the staff member's name and badge number where the hall shows them (胸牌公示) — never the
/// free-text pause reason.
/// </summary>
public abstract class PublicCounterListTests(HallApp app)
{
    private const string PrivateReason = "去医院复查高血压";

    private async Task<(TestHall Hall, JsonObject Counter, string Raw)> PausedCounterAsync(bool showBadge)
    {
        var hall = await TestHall.CreateAsync(app, configure: h => h.ShowStaffBadge = showBadge);
        var staff = app.Api(hall.Staff[0]);
        await staff.OpenAsync(hall.Counters[0]);
        await staff.PostOkAsync<CounterDto>($"/api/counters/{hall.Counters[0]}/pause", new { reason = PrivateReason, category = "temporaryLeave" });
        var response = await app.Api().GetAsync($"/api/halls/{hall.Id}/counters");
        await Expect.StatusAsync(response, HttpStatusCode.OK);
        var raw = await response.Content.ReadAsStringAsync();
        var counter = JsonNode.Parse(raw)!.AsArray().Single(c => c!["id"]!.GetValue<Guid>() == hall.Counters[0])!.AsObject();
        return (hall, counter, raw);
    }

    [Fact]
    public async Task PausedCounter_ShowsStateCategoryNameAndBadge_NeverTheReason()
    {
        var (hall, counter, raw) = await PausedCounterAsync(showBadge: true);
        Assert.DoesNotContain(PrivateReason, raw);
        Assert.DoesNotContain("pauseReason", raw);
        Assert.Equal("paused", counter["state"]!.GetValue<string>());
        Assert.Equal("temporaryLeave", counter["pauseCategory"]!.GetValue<string>());
        Assert.Equal(hall.Staff[0], counter["staffName"]!.GetValue<string>());
        Assert.Equal("9001", counter["badgeNumber"]!.GetValue<string>());
    }

    [Fact]
    public async Task HallNotShowingBadges_NamesNobody()
    {
        var (hall, counter, raw) = await PausedCounterAsync(showBadge: false);
        Assert.DoesNotContain(PrivateReason, raw);
        Assert.DoesNotContain(hall.Staff[0], raw);
        Assert.Null(counter["staffName"]);
        Assert.Null(counter["badgeNumber"]);
        Assert.Equal("paused", counter["state"]!.GetValue<string>());
    }

    [Fact]
    public async Task NewHall_ShowsBadgesByDefault_AndTheAdministratorTurnsItOff()
    {
        var admin = app.Api("admin");
        var created = await admin.PostOkAsync<JsonObject>("/api/admin/halls", new { name = $"胸牌测试 {Guid.NewGuid():N}" });
        Assert.True(created["showStaffBadge"]!.GetValue<bool>());
        var id = created["id"]!.GetValue<Guid>();
        var updated = await admin.PutOkAsync<JsonObject>($"/api/admin/halls/{id}", new { name = created["name"]!.GetValue<string>(), showStaffBadge = false });
        Assert.False(updated["showStaffBadge"]!.GetValue<bool>());
        Assert.False(await app.WithDbAsync(db => db.Halls.Where(h => h.Id == id).Select(h => h.ShowStaffBadge).FirstAsync()));
    }
}

public sealed class SqlitePublicCounterListTests(SqliteHallApp app) : PublicCounterListTests(app), IClassFixture<SqliteHallApp>;

public sealed class PostgresPublicCounterListTests(PostgresHallApp app) : PublicCounterListTests(app), IClassFixture<PostgresHallApp>;
