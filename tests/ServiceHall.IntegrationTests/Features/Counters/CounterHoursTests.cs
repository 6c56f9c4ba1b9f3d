using System.Net;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ServiceHall.Core.Features.Alerts;
using ServiceHall.IntegrationTests.Infrastructure;
using static ServiceHall.IntegrationTests.Features.Supervision.SupervisionFlows;

namespace ServiceHall.IntegrationTests.Features.Counters;

/// <summary>
/// ADR-033: a counter with hours of its own in a hall open around the clock (a hospital for its emergency window) is
/// expected staffed only within them: no unstaffed alert outside, the grace counted from its own start, and the public
/// list says its hours.
/// </summary>
public abstract class CounterHoursTests(HallApp app)
{
    private ApiClient? _admin;
    private ApiClient Admin => _admin ??= app.Api("admin");

    private async Task ScanAsync(Guid hallId)
    {
        using var scope = app.Services.CreateScope();
        await scope.ServiceProvider.GetRequiredService<ScanAlerts>().HandleAsync(hallId, CancellationToken.None);
    }

    private async Task<List<Guid?>> UnstaffedAsync(Guid hallId) =>
        await app.WithDbAsync(db => db.Alerts.Where(a => a.HallId == hallId && a.ClearedAt == null && a.Kind == AlertKind.CounterUnstaffed)
            .Select(a => a.CounterId).ToListAsync());

    private static string Hms(TimeOnly time) => time.ToString("HH:mm:ss");

    private Task<JsonObject> SetHoursAsync(TestHall hall, int index, TimeOnly? from, TimeOnly? until) =>
        Admin.PutOkAsync<JsonObject>($"/api/admin/counters/{hall.Counters[index]}", new
        {
            number = index + 1, name = $"{index + 1}号窗口", serviceItemIds = hall.Items.Values.ToArray(),
            servedFrom = from is { } f ? Hms(f) : null, servedUntil = until is { } u ? Hms(u) : null,
        });

    [Fact]
    public async Task AroundTheClockHall_CounterExpectedOnlyInItsHours_GraceFromItsOwnStart()
    {
        // The test hall is open 00:00–23:59 every day. Counter 1 serves from 30 minutes from now for two hours; counter 2 always.
        var hall = await TestHall.CreateAsync(app, counters: 2, configure: h => h.UnstaffedGraceMinutes = 5);
        var now = app.LocalTime;
        var from = new TimeOnly(now.Hour, now.Minute).AddMinutes(30);
        var until = from.AddHours(2);
        var saved = await SetHoursAsync(hall, 0, from, until);
        Assert.Equal(Hms(from), saved.Str("servedFrom"));

        await ScanAsync(hall.Id);
        Assert.Equal(new Guid?[] { hall.Counters[1] }, await UnstaffedAsync(hall.Id));

        app.Clock.Advance(TimeSpan.FromMinutes(33)); // inside its hours, within the grace counted from its own start
        await ScanAsync(hall.Id);
        Assert.Equal(new Guid?[] { hall.Counters[1] }, await UnstaffedAsync(hall.Id));

        app.Clock.Advance(TimeSpan.FromMinutes(3)); // 6 minutes past its start
        await ScanAsync(hall.Id);
        Assert.Equal(2, (await UnstaffedAsync(hall.Id)).Count);

        app.Clock.Advance(TimeSpan.FromHours(2)); // past its hours: cleared, the other stays
        await ScanAsync(hall.Id);
        Assert.Equal(new Guid?[] { hall.Counters[1] }, await UnstaffedAsync(hall.Id));

        var listed = await app.Api().GetOkAsync<List<JsonObject>>($"/api/halls/{hall.Id}/counters");
        var first = listed.Single(c => c["number"]!.GetValue<int>() == 1);
        Assert.Equal((Hms(from), Hms(until)), (first.Str("servedFrom"), first.Str("servedUntil")));
        Assert.Null(listed.Single(c => c["number"]!.GetValue<int>() == 2)["servedFrom"]);
    }

    [Fact]
    public async Task Hours_FromNotBeforeUntil_Refused_NothingWritten()
    {
        var hall = await TestHall.CreateAsync(app, counters: 1);
        await SetHoursAsync(hall, 0, new TimeOnly(8, 0), new TimeOnly(17, 0));
        var refused = await Admin.PutAsync($"/api/admin/counters/{hall.Counters[0]}", new
        {
            number = 1, name = "改名", serviceItemIds = hall.Items.Values.ToArray(), servedFrom = "17:00:00", servedUntil = "08:00:00",
        });
        await Expect.ProblemAsync(refused, HttpStatusCode.BadRequest, "HoursInvalid");
        var setup = await Admin.GetOkAsync<JsonObject>($"/api/admin/halls/{hall.Id}");
        var counter = setup["counters"]!.AsArray().Single()!;
        Assert.Equal(("1号窗口", "08:00:00", "17:00:00"), (counter.Str("name"), counter.Str("servedFrom"), counter.Str("servedUntil")));
    }

    [Fact]
    public async Task HospitalTemplate_OutpatientCountersInOutpatientHours_EmergencyAroundTheClock()
    {
        var hall = await Admin.PostOkAsync<JsonObject>("/api/admin/halls", new { name = $"医院 {Guid.NewGuid():N}"[..20], kind = "hospital" });
        var setup = await Admin.GetOkAsync<JsonObject>($"/api/admin/halls/{hall.Str("id")}");
        var counters = setup["counters"]!.AsArray().ToDictionary(c => c!["number"]!.GetValue<int>(), c => c!);
        foreach (var number in new[] { 1, 2, 3, 4, 5 })
            Assert.Equal(("08:00:00", "17:00:00"), (counters[number].Str("servedFrom"), counters[number].Str("servedUntil")));
        Assert.Null(counters[6]["servedFrom"]);
        Assert.Null(counters[6]["servedUntil"]);
    }
}

public sealed class SqliteCounterHoursTests(SqliteHallApp app) : CounterHoursTests(app), IClassFixture<SqliteHallApp>;

public sealed class PostgresCounterHoursTests(PostgresHallApp app) : CounterHoursTests(app), IClassFixture<PostgresHallApp>;
