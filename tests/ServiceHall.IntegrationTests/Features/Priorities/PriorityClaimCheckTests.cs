using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ServiceHall.Core.Features.Counters;
using ServiceHall.Core.Features.Priorities;
using ServiceHall.Core.Features.Queue;
using ServiceHall.IntegrationTests.Infrastructure;

namespace ServiceHall.IntegrationTests.Features.Priorities;

/// <summary>Q2 at the counter: a claim whose category asks for it is verified or downgraded, recorded, and counted in the fairness figures.</summary>
public abstract class PriorityClaimCheckTests(HallApp app)
{
    private sealed record Desk(TestHall Hall, ApiClient Staff, Dictionary<string, Guid> Categories);

    private async Task<Desk> OpenDeskAsync()
    {
        var hall = await TestHall.CreateAsync(app, counters: 2, staff: 2);
        var categories = (await app.Api().GetOkAsync<List<JsonObject>>($"/api/halls/{hall.Id}/priority-categories"))
            .ToDictionary(c => c["nameZh"]!.GetValue<string>(), c => c["id"]!.GetValue<Guid>());
        var staff = app.Api(hall.Staff[0]);
        await staff.OpenAsync(hall.Counters[0]);
        return new Desk(hall, staff, categories);
    }

    /// <summary>A ticket of the category, called at counter 1.</summary>
    private async Task<TicketDto> CalledAsync(Desk desk, string category, string prefix = "A")
    {
        await app.Api(desk.Hall.Kiosk).PostOkAsync<JsonObject>($"/api/halls/{desk.Hall.Id}/tickets",
            new { serviceItemId = desk.Hall.Item(prefix), priorityCategoryId = desk.Categories[category] });
        return (await desk.Staff.CallNextAsync(desk.Hall.Counters[0]))!;
    }

    private string ClaimUrl(Desk desk, Guid ticketId, string action, int counter = 0) =>
        $"/api/counters/{desk.Hall.Counters[counter]}/tickets/{ticketId}/priority-claim/{action}";

    [Fact]
    public async Task CounterShowsTheHallsCategoryName_NotTheClass_InThePagesLanguage()
    {
        var desk = await OpenDeskAsync();
        await app.WithDbAsync(async db =>
        {
            var category = await db.Set<PriorityCategory>().SingleAsync(c => c.Id == desk.Categories["孕妇"]);
            (category.NameZh, category.NameEn) = ("孕产妇", "Expectant mothers");
            return await db.SaveChangesAsync();
        });
        await app.Api(desk.Hall.Kiosk).PostOkAsync<JsonObject>($"/api/halls/{desk.Hall.Id}/tickets",
            new { serviceItemId = desk.Hall.Item("A"), priorityCategoryId = desk.Categories["孕妇"] });
        await app.Api(desk.Hall.Kiosk).IssueAsync(desk.Hall.Id, desk.Hall.Item("A"));

        await using var scope = app.Services.CreateAsyncScope();
        var queue = scope.ServiceProvider.GetRequiredService<ListCounterQueue>();
        var waiting = (await queue.HandleAsync(desk.Hall.Counters[0], 5, CancellationToken.None)).Next;
        Assert.Equal(["孕产妇", null], waiting.Select(w => w.PriorityName));

        await desk.Staff.CallNextAsync(desk.Hall.Counters[0]);
        var staffId = await TestHall.UserIdAsync(app, desk.Hall.Staff[0]);
        var before = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("en");
        try
        {
            var current = (await scope.ServiceProvider.GetRequiredService<GetCounterDesks>().HandleAsync(staffId, CancellationToken.None))
                .Single().Current!;
            Assert.Equal(("Expectant mothers", TicketPriority.Pregnant), (current.PriorityName, current.Priority));
        }
        finally
        {
            CultureInfo.CurrentUICulture = before;
        }
    }

    [Fact]
    public async Task Verify_RecordsWhoWhenAndWhere_KeepsTheClass_AndOnlyOnce()
    {
        var desk = await OpenDeskAsync();
        var ticket = await CalledAsync(desk, "老人");
        var checkedView = await desk.Staff.PostOkAsync<JsonObject>(ClaimUrl(desk, ticket.Id, "verify"));
        Assert.Equal(("老人", false), (checkedView["nameZh"]!.GetValue<string>(), checkedView["check"]!["downgraded"]!.GetValue<bool>()));

        var check = await app.WithDbAsync(db => db.Set<PriorityClaimCheck>().SingleAsync(c => c.TicketId == ticket.Id));
        Assert.Equal((await TestHall.UserIdAsync(app, desk.Hall.Staff[0]), desk.Hall.Counters[0], app.Clock.GetUtcNow().UtcDateTime, TicketPriority.Elderly, desk.Categories["老人"]),
            (check.UserId, check.CounterId, check.At, check.ClaimedClass, check.CategoryId));
        Assert.Equal("elderly", (await desk.Staff.GetTicketAsync(ticket.Id)).Priority);
        await Expect.ProblemAsync(await desk.Staff.PostAsync(ClaimUrl(desk, ticket.Id, "downgrade"), new { reason = "再试" }),
            HttpStatusCode.Conflict, "PriorityClaimAlreadyChecked");
    }

    [Fact]
    public async Task Downgrade_NeedsAReason_ServesNow_AndAnyLaterStepIsNormal_WithNumbersInTheReasonMasked()
    {
        var desk = await OpenDeskAsync();
        // A normal ticket of item B waits from before: the claim goes before it, a normal ticket would not.
        var earlier = await app.Api(desk.Hall.Kiosk).IssueAsync(desk.Hall.Id, desk.Hall.Item("B"));
        app.Clock.Advance(TimeSpan.FromMinutes(1));
        var ticket = await CalledAsync(desk, "残疾人");
        await Expect.ProblemAsync(await desk.Staff.PostAsync(ClaimUrl(desk, ticket.Id, "downgrade"), new { reason = " " }, "en"),
            HttpStatusCode.BadRequest, "Required");
        Assert.False(await app.WithDbAsync(db => db.Set<PriorityClaimCheck>().AnyAsync(c => c.TicketId == ticket.Id)));

        var view = await desk.Staff.PostOkAsync<JsonObject>(ClaimUrl(desk, ticket.Id, "downgrade"),
            new { reason = "未出示残疾人证，身份证 110101199003071233" });
        Assert.True(view["check"]!["downgraded"]!.GetValue<bool>());
        // Still at this counter and served now: the downgrade does not send the citizen back to the end of the line.
        var now = await desk.Staff.GetTicketAsync(ticket.Id);
        Assert.Equal(("called", "normal", desk.Hall.Counters[0]), (now.Status, now.Priority, now.CounterId!.Value));
        var check = await app.WithDbAsync(db => db.Set<PriorityClaimCheck>().SingleAsync(c => c.TicketId == ticket.Id));
        Assert.True(check.Downgraded);
        Assert.DoesNotContain("110101199003071233", check.Reason);
        Assert.StartsWith("未出示残疾人证", check.Reason);
        Assert.NotEmpty(check.ReasonCipher);
        Assert.Equal(TicketPriority.Disabled, check.ClaimedClass);

        // A later step (here a transfer to item B) waits in the normal lane: the earlier normal ticket of B goes first.
        await desk.Staff.ActAsync(desk.Hall.Counters[0], ticket.Id, "start");
        var moved = await desk.Staff.ActAsync(desk.Hall.Counters[0], ticket.Id, "transfer",
            new { toServiceItemId = desk.Hall.Item("B"), reason = "另需办理" });
        Assert.Equal("normal", moved.Priority);
        var second = app.Api(desk.Hall.Staff[1]);
        await second.OpenAsync(desk.Hall.Counters[1]);
        Assert.Equal(earlier.Id, (await second.CallNextAsync(desk.Hall.Counters[1]))!.Id);
    }

    [Fact]
    public async Task Check_ACategoryNotChecked_ATicketElsewhere_OrAnotherStaffsCounter_IsRefused()
    {
        var desk = await OpenDeskAsync();
        var pregnant = await CalledAsync(desk, "孕妇");
        await Expect.ProblemAsync(await desk.Staff.PostAsync(ClaimUrl(desk, pregnant.Id, "verify")), HttpStatusCode.Conflict, "PriorityClaimNotChecked");
        await desk.Staff.ActAsync(desk.Hall.Counters[0], pregnant.Id, "start");
        await desk.Staff.ActAsync(desk.Hall.Counters[0], pregnant.Id, "finish");

        var soldier = await CalledAsync(desk, "军人");
        await Expect.ProblemAsync(await desk.Staff.PostAsync(ClaimUrl(desk, soldier.Id, "verify", counter: 1)), HttpStatusCode.Conflict, "CounterNotOpenedByYou");
        var second = app.Api(desk.Hall.Staff[1]);
        await second.OpenAsync(desk.Hall.Counters[1]);
        await Expect.ProblemAsync(await second.PostAsync(ClaimUrl(desk, soldier.Id, "verify", counter: 1)), HttpStatusCode.Conflict, "TicketNotAtCounter");
        await Expect.ProblemAsync(await desk.Staff.PostAsync(ClaimUrl(desk, Guid.NewGuid(), "verify")), HttpStatusCode.NotFound, "TicketNotFound");
        var other = await TestHall.CreateAsync(app, counters: 1, staff: 1);
        Assert.Equal(HttpStatusCode.Forbidden, (await app.Api(other.Staff[0]).PostAsync(ClaimUrl(desk, soldier.Id, "verify"))).StatusCode);
        Assert.False(await app.WithDbAsync(db => db.Set<PriorityClaimCheck>().AnyAsync(c => c.HallId == desk.Hall.Id)));
    }

    [Fact]
    public async Task Figures_VerifiedAndDowngradedPerCategoryCounterAndDay_WithTheReasons()
    {
        var desk = await OpenDeskAsync();
        async Task ServeAsync(string category, string? downgradeReason)
        {
            var ticket = await CalledAsync(desk, category);
            if (downgradeReason is null)
                await desk.Staff.PostOkAsync<JsonObject>(ClaimUrl(desk, ticket.Id, "verify"));
            else
                await desk.Staff.PostOkAsync<JsonObject>(ClaimUrl(desk, ticket.Id, "downgrade"), new { reason = downgradeReason });
            await desk.Staff.ActAsync(desk.Hall.Counters[0], ticket.Id, "start");
            await desk.Staff.ActAsync(desk.Hall.Counters[0], ticket.Id, "finish");
        }
        await ServeAsync("老人", null);
        await ServeAsync("老人", "身份证显示未满60周岁");
        await ServeAsync("军人", null);
        await ServeAsync("老人", null);

        var day = app.Today.ToString("yyyy-MM-dd");
        var url = $"/api/halls/{desk.Hall.Id}/priority-claims?from={day}&to={day}";
        var figures = await app.Api(desk.Hall.Supervisor).GetOkAsync<JsonObject>(url);
        var rows = figures["rows"]!.AsArray().Select(r => r!.AsObject())
            .Select(r => (r["categoryZh"]!.GetValue<string>(), r["counterNumber"]!.GetValue<int>(), r["verified"]!.GetValue<int>(), r["downgraded"]!.GetValue<int>()))
            .ToList();
        Assert.Equal([("老人", 1, 2, 1), ("军人", 1, 1, 0)], rows);
        var reason = figures["downgrades"]!.AsArray().Single()!;
        Assert.Equal(("老人", "身份证显示未满60周岁"), (reason["categoryZh"]!.GetValue<string>(), reason["reason"]!.GetValue<string>()));

        var yesterday = app.Today.AddDays(-1).ToString("yyyy-MM-dd");
        Assert.Empty((await app.Api(desk.Hall.Supervisor).GetOkAsync<JsonObject>($"/api/halls/{desk.Hall.Id}/priority-claims?from={yesterday}&to={yesterday}"))["rows"]!.AsArray());
        await Expect.ProblemAsync(await app.Api(desk.Hall.Supervisor).GetAsync($"/api/halls/{desk.Hall.Id}/priority-claims?from={day}&to={yesterday}"),
            HttpStatusCode.BadRequest, "DateOutOfRange");
        await Expect.ProblemAsync(await app.Api("admin").GetAsync($"/api/halls/{Guid.NewGuid()}/priority-claims?from={day}&to={day}"),
            HttpStatusCode.NotFound, "HallNotFound");
        Assert.Equal(HttpStatusCode.Forbidden, (await desk.Staff.GetAsync(url)).StatusCode);
    }
}

public sealed class SqlitePriorityClaimCheckTests(SqliteHallApp app) : PriorityClaimCheckTests(app), IClassFixture<SqliteHallApp>;

public sealed class PostgresPriorityClaimCheckTests(PostgresHallApp app) : PriorityClaimCheckTests(app), IClassFixture<PostgresHallApp>;
