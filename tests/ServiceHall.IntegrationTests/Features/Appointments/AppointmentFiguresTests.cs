using System.Net;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ServiceHall.Core.Features.Appointments;
using ServiceHall.IntegrationTests.Infrastructure;
using ServiceHall.TestSupport;
using static ServiceHall.IntegrationTests.Features.Appointments.AppointmentFlows;

namespace ServiceHall.IntegrationTests.Features.Appointments;

/// <summary>Q8 in the service ledger (its view and export) and the past figures: bookings, check-ins, no-shows per item and day.</summary>
public abstract class AppointmentFiguresTests(HallApp app)
{
    /// <summary>Four bookings of today's slots of item A: one checked in, one a no-show, one cancelled, one still standing.</summary>
    private async Task<TestHall> DayOfBookingsAsync()
    {
        var hall = await TestHall.CreateAsync(app);
        await BookableAsync(app, hall, capacity: 5, heldPercent: 0);
        var integrator = app.Api(await IntegratorAsync(app, hall.Id));
        var now = app.Clock.GetUtcNow();
        var slots = (await SlotsAsync(integrator, hall, app.Today)).Where(s => DateTimeOffset.Parse(s!["start"]!.GetValue<string>()) >= now.AddMinutes(90)).ToList();
        var (soon, later) = (Id(slots[0]), Id(slots[4]));
        var checkedIn = await BookAsync(integrator, soon, Phone(1));
        await BookAsync(integrator, soon, Phone(2));
        var cancelled = await BookAsync(integrator, later, Phone(3));
        await BookAsync(integrator, later, Phone(4));
        await Expect.StatusAsync(await integrator.Http.DeleteAsync($"/api/bookings/{Id(cancelled)}?code={cancelled["code"]}"), HttpStatusCode.NoContent);

        var start = DateTimeOffset.Parse(slots[0]!["start"]!.GetValue<string>());
        app.Clock.Advance(start - app.Clock.GetUtcNow() - TimeSpan.FromMinutes(10));
        await app.Api(hall.Kiosk).PostOkAsync<JsonObject>($"/api/halls/{hall.Id}/bookings/check-in", new { code = checkedIn["code"]!.GetValue<string>() });
        app.Clock.Advance(TimeSpan.FromMinutes(30));
        using var scope = app.Services.CreateScope();
        Assert.Equal(1, await scope.ServiceProvider.GetRequiredService<RecordNoShows>().HandleAsync(hall.Id, CancellationToken.None));
        return hall;
    }

    [Fact]
    public async Task Ledger_AppointmentsPerItemAndDay_InTheViewAndTheExport_NotInAStaffMembersOwn()
    {
        var hall = await DayOfBookingsAsync();
        var day = app.Today.ToString("yyyy-MM-dd");
        var supervisor = app.Api(hall.Supervisor);
        var ledger = await supervisor.GetOkAsync<JsonObject>($"/api/halls/{hall.Id}/ledger?from={day}&to={day}");
        var row = ledger["appointments"]!.AsArray().Single()!;
        Assert.Equal((day, "事项 A"), (row["periodStart"]!.GetValue<string>(), row["serviceItemName"]!.GetValue<string>()));
        Assert.Equal((3, 1, 1, 1), (row["booked"]!.GetValue<int>(), row["checkedIn"]!.GetValue<int>(), row["noShows"]!.GetValue<int>(),
            row["cancelled"]!.GetValue<int>()));
        var month = await supervisor.GetOkAsync<JsonObject>($"/api/halls/{hall.Id}/ledger?from={day}&to={day}&period=month");
        Assert.Equal(3, month["appointments"]![0]!["booked"]!.GetValue<int>());
        // Bookings are the item's, not a counter's or a person's.
        Assert.Empty((await supervisor.GetOkAsync<JsonObject>($"/api/halls/{hall.Id}/ledger?from={day}&to={day}&counterId={hall.Counters[0]}"))["appointments"]!.AsArray());
        Assert.Empty((await app.Api(hall.Staff[0]).GetOkAsync<JsonObject>($"/api/halls/{hall.Id}/ledger?from={day}&to={day}"))["appointments"]!.AsArray());
        Assert.Empty((await supervisor.GetOkAsync<JsonObject>($"/api/halls/{hall.Id}/ledger?from={day}&to={day}&serviceItemId={hall.Item("B")}"))["appointments"]!.AsArray());

        var export = await supervisor.GetAsync($"/api/halls/{hall.Id}/ledger/export?from={day}&to={day}", "en");
        await Expect.StatusAsync(export, HttpStatusCode.OK);
        var sheet = (await XlsxReader.ReadAsync(await export.Content.ReadAsStreamAsync())).Sheet("Appointments");
        Assert.Equal(2, sheet.RowCount);
        Assert.Equal("事项 A", sheet.Text(2, sheet.Column("Service item")));
        Assert.Equal((3, 1, 1, 1), ((int)sheet.Number(2, sheet.Column("Booked"))!, (int)sheet.Number(2, sheet.Column("Checked in"))!,
            (int)sheet.Number(2, sheet.Column("Missed (no-shows)"))!, (int)sheet.Number(2, sheet.Column("Cancelled"))!));
    }

    [Fact]
    public async Task PastFigures_AppointmentsPerItemAndDay()
    {
        var hall = await DayOfBookingsAsync();
        var day = app.Today.ToString("yyyy-MM-dd");
        var figures = await app.Api(hall.Supervisor).GetOkAsync<JsonObject>($"/api/halls/{hall.Id}/statistics/figures?from={day}&to={day}");
        var row = figures["appointments"]!.AsArray().Single()!;
        Assert.Equal((day, hall.Item("A")), (row["day"]!.GetValue<string>(), row["serviceItemId"]!.GetValue<Guid>()));
        Assert.Equal((3, 1, 1, 1), (row["booked"]!.GetValue<int>(), row["checkedIn"]!.GetValue<int>(), row["noShows"]!.GetValue<int>(),
            row["cancelled"]!.GetValue<int>()));
        var stored = await app.WithDbAsync(db => db.Bookings.CountAsync(b => b.HallId == hall.Id));
        Assert.Equal(4, stored);
    }
}

public sealed class SqliteAppointmentFiguresTests(SqliteHallApp app) : AppointmentFiguresTests(app), IClassFixture<SqliteHallApp>;

public sealed class PostgresAppointmentFiguresTests(PostgresHallApp app) : AppointmentFiguresTests(app), IClassFixture<PostgresHallApp>;
