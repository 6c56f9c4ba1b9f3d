using System.Net;
using Microsoft.EntityFrameworkCore;
using ServiceHall.IntegrationTests.Infrastructure;

namespace ServiceHall.IntegrationTests.Security;

/// <summary>The findings of issue 14, one by one: accounts of hall A against hall B answer 403 OtherHall (ADR-017).</summary>
public abstract class HallsApartTests(HallApp app)
{
    [Fact]
    public async Task SupervisorOfAnotherHall_ReadsNoDashboardOrAlerts_AndClosesNoBusinessDay()
    {
        var a = await TestHall.CreateAsync(app);
        var b = await TestHall.CreateAsync(app);
        var supervisor = app.Api(a.Supervisor);
        await Expect.ProblemAsync(await supervisor.GetAsync($"/api/halls/{b.Id}/dashboard"), HttpStatusCode.Forbidden, "OtherHall");
        await Expect.ProblemAsync(await supervisor.GetAsync($"/api/halls/{b.Id}/alerts"), HttpStatusCode.Forbidden, "OtherHall");
        await Expect.ProblemAsync(await supervisor.PostAsync($"/api/halls/{b.Id}/business-days/{app.Today:yyyy-MM-dd}/close"),
            HttpStatusCode.Forbidden, "OtherHall");
        // Their own hall still answers, and an administrator acts in every hall.
        await Expect.StatusAsync(await supervisor.GetAsync($"/api/halls/{a.Id}/dashboard"), HttpStatusCode.OK);
        await Expect.StatusAsync(await app.Api("admin").GetAsync($"/api/halls/{b.Id}/dashboard"), HttpStatusCode.OK);
    }

    [Fact]
    public async Task AccountsOfAnotherHall_IssueNoTicket_AndRequeueNoNoShow()
    {
        var a = await TestHall.CreateAsync(app);
        var b = await TestHall.CreateAsync(app);
        foreach (var account in new[] { a.Kiosk, a.Staff[0], a.Supervisor })
            await Expect.ProblemAsync(await app.Api(account).PostAsync($"/api/halls/{b.Id}/tickets", new { serviceItemId = b.Item("A") }),
                HttpStatusCode.Forbidden, "OtherHall");
        Assert.Equal(0, await app.WithDbAsync(db => db.Tickets.CountAsync(t => t.HallId == b.Id)));

        var ticket = await app.Api(b.Kiosk).IssueAsync(b.Id, b.Item("A"));
        var staffB = app.Api(b.Staff[0]);
        await staffB.OpenAsync(b.Counters[0]);
        await staffB.CallNextAsync(b.Counters[0]);
        await staffB.ActAsync(b.Counters[0], ticket.Id, "no-show");
        foreach (var account in new[] { a.Kiosk, a.Staff[0], a.Supervisor })
            await Expect.ProblemAsync(await app.Api(account).PostAsync($"/api/tickets/{ticket.Id}/requeue"), HttpStatusCode.Forbidden, "OtherHall");
        Assert.Equal("noShow", (await app.Api().GetTicketAsync(ticket.Id)).Status);
        await Expect.StatusAsync(await app.Api(b.Kiosk).PostAsync($"/api/tickets/{ticket.Id}/requeue"), HttpStatusCode.OK);
    }

    [Fact]
    public async Task StaffOfAnotherHall_OpensNoCounter()
    {
        var a = await TestHall.CreateAsync(app);
        var b = await TestHall.CreateAsync(app);
        await Expect.ProblemAsync(await app.Api(a.Staff[0]).PostAsync($"/api/counters/{b.Counters[0]}/open"), HttpStatusCode.Forbidden, "OtherHall");
        Assert.Equal(0, await app.WithDbAsync(db => db.CounterSessions.CountAsync(s => s.CounterId == b.Counters[0])));
    }
}

public sealed class SqliteHallsApartTests(SqliteHallApp app) : HallsApartTests(app), IClassFixture<SqliteHallApp>;

public sealed class PostgresHallsApartTests(PostgresHallApp app) : HallsApartTests(app), IClassFixture<PostgresHallApp>;
