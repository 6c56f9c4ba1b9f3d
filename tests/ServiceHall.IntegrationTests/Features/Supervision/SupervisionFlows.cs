using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ServiceHall.Core.Features.Alerts;
using ServiceHall.Core.Features.Calendar;
using ServiceHall.Core.Features.Halls;
using ServiceHall.Core.Features.Identity;
using ServiceHall.Core.Features.Supervision;
using ServiceHall.IntegrationTests.Infrastructure;

namespace ServiceHall.IntegrationTests.Features.Supervision;

/// <summary>Steps the supervision tests share: a served ticket, extra accounts, the deadline scan.</summary>
public static class SupervisionFlows
{
    /// <summary>A ticket issued, called, started and finished by the hall's first staff member at its first counter.</summary>
    public static async Task<TicketDto> FinishedTicketAsync(HallApp app, TestHall hall, int staff = 0, int counter = 0)
    {
        var ticket = await app.Api(hall.Kiosk).IssueAsync(hall.Id, hall.Item("A"));
        var api = app.Api(hall.Staff[staff]);
        var counterId = hall.Counters[counter];
        var open = await api.PostAsync($"/api/counters/{counterId}/open");
        Assert.True(open.IsSuccessStatusCode || open.StatusCode == System.Net.HttpStatusCode.Conflict);
        var called = await api.CallNextAsync(counterId);
        Assert.Equal(ticket.Id, called!.Id);
        await api.ActAsync(counterId, ticket.Id, "start");
        return await api.ActAsync(counterId, ticket.Id, "finish");
    }

    /// <summary>The phone's rating address of a ticket: with its key, as the QR code on the ticket carries it.</summary>
    public static async Task<string> RatingUrlAsync(HallApp app, Guid ticketId) =>
        $"/api/tickets/{ticketId}/rating?k={await app.WithDbAsync(db => db.Tickets.Where(t => t.Id == ticketId).Select(t => t.RatingKey).FirstAsync())}";

    public static async Task<string> AddUserAsync(HallApp app, Guid? hallId, string role)
    {
        using var scope = app.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<User>>();
        var name = $"{role}-{Guid.NewGuid().ToString("N")[..8]}";
        var user = new User { UserName = name, DisplayName = name, HallId = hallId };
        Assert.True((await users.CreateAsync(user, SeedDemoHall.DemoPassword)).Succeeded);
        Assert.True((await users.AddToRoleAsync(user, role)).Succeeded);
        // A device account works only as an enrolled device (P2).
        if (hallId is { } hall && Roles.Devices.Contains(role))
            await TestDevices.EnrolAsync(app, user.Id, hall, TestDevices.KindOf(role));
        return name;
    }

    public static async Task ScanDeadlinesAsync(HallApp app, Guid hallId)
    {
        using var scope = app.Services.CreateScope();
        await scope.ServiceProvider.GetRequiredService<ScanSupervisionDeadlines>().HandleAsync(hallId, CancellationToken.None);
    }

    public static async Task ScanQueueAlertsAsync(HallApp app, Guid hallId)
    {
        using var scope = app.Services.CreateScope();
        await scope.ServiceProvider.GetRequiredService<ScanAlerts>().HandleAsync(hallId, CancellationToken.None);
    }

    public static Task<List<Alert>> OpenAlertsAsync(HallApp app, Guid hallId, AlertKind kind) =>
        app.WithDbAsync(db => db.Alerts.Where(a => a.HallId == hallId && a.ClearedAt == null && a.Kind == kind).ToListAsync());

    public static async Task<JsonObject> JsonAsync(HttpResponseMessage response, System.Net.HttpStatusCode status)
    {
        await Expect.StatusAsync(response, status);
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!;
    }

    public static string Str(this JsonNode? node, string name) => node![name]!.GetValue<string>();

    /// <summary>The official calendar (no hall days) as the tests' halls use it.</summary>
    public static DateOnly WorkingDaysAfter(DateOnly from, int days) => HallCalendar.From([]).Calendar.AddWorkingDays(from, days);

    public static string Iso(DateOnly day) => day.ToString("yyyy-MM-dd");

    /// <summary>Moves the clock to the day after a deadline: the deadline has passed.</summary>
    public static void PassDeadline(HallApp app, string due)
    {
        var days = DateOnly.Parse(due).DayNumber - app.Today.DayNumber + 1;
        if (days > 0)
            app.Clock.Advance(TimeSpan.FromDays(days));
    }
}
