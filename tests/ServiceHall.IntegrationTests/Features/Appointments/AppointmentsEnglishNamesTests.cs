using ServiceHall.Core.Features.Identity;
using ServiceHall.IntegrationTests.Features.Halls;
using ServiceHall.IntegrationTests.Infrastructure;
using static ServiceHall.IntegrationTests.Features.Supervision.SupervisionFlows;

namespace ServiceHall.IntegrationTests.Features.Appointments;

/// <summary>Issue 16: the supervisors' 预约情况 (bookings per slot) and the rating pad in English name the item and counter in English.</summary>
public abstract class AppointmentsEnglishNamesTests(HallApp app)
{
    [Fact]
    public async Task BookingsPerSlotAndRatingPad_InEnglish_EnglishNames()
    {
        var hall = await EnglishNamed.NameAsync(app, await TestHall.CreateAsync(app, prefixes: ["A"]));
        await AppointmentSeed.AddAsync(app, hall, await AppointmentFlows.IntegratorAsync(app, hall.Id));
        var supervisor = app.Api(hall.Supervisor);
        var url = $"/api/halls/{hall.Id}/bookings?date={app.Today.AddDays(1):yyyy-MM-dd}";
        var day = await supervisor.GetJsonAsync(url, "en");
        Assert.NotEmpty(day["slots"]!.AsArray());
        Assert.All(day["slots"]!.AsArray(), s => Assert.Equal(EnglishNamed.Item("A"), s!["itemName"]!.GetValue<string>()));
        Assert.Equal(EnglishNamed.ItemZh("A"), (await supervisor.GetJsonAsync(url, "zh-CN"))["slots"]![0]!["itemName"]!.GetValue<string>());

        var pad = app.Api(await AddUserAsync(app, hall.Id, Roles.RatingPad));
        await FinishedTicketAsync(app, hall);
        var shown = await pad.GetJsonAsync($"/api/counters/{hall.Counters[0]}/rating-pad", "en");
        Assert.Equal(EnglishNamed.Counter(1), shown["counterName"]!.GetValue<string>());
        Assert.Equal(EnglishNamed.Item("A"), shown["ticket"]!["serviceItemName"]!.GetValue<string>());
    }
}

public sealed class SqliteAppointmentsEnglishNamesTests(SqliteHallApp app) : AppointmentsEnglishNamesTests(app), IClassFixture<SqliteHallApp>;

public sealed class PostgresAppointmentsEnglishNamesTests(PostgresHallApp app) : AppointmentsEnglishNamesTests(app), IClassFixture<PostgresHallApp>;
