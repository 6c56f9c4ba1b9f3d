using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using ServiceHall.IntegrationTests.Infrastructure;

namespace ServiceHall.IntegrationTests.Features.Calendar;

public abstract class CalendarEndpointTests(HallApp app)
{
    [Theory]
    [InlineData("2026-02-13", 3, "2026-02-25")]
    [InlineData("2026-09-30", 1, "2026-10-08")]
    [InlineData("2025-12-31", 1, "2026-01-04")]
    [InlineData("2026-10-03", 0, "2026-10-08")]
    public async Task DueDate_OfficialSchedule_NthWorkingDayAfter(string from, int days, string due)
    {
        var hall = await TestHall.CreateAsync(app);
        var response = await app.Api().GetAsync($"/api/halls/{hall.Id}/calendar/due-date?from={from}&workingDays={days}");
        await Expect.StatusAsync(response, HttpStatusCode.OK);
        Assert.Equal($$"""{"dueDate":"{{due}}"}""", await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("from=2026-02-30&workingDays=1", "InvalidDate")]
    [InlineData("from=20260213&workingDays=1", "InvalidDate")]
    [InlineData("workingDays=1", "InvalidDate")]
    [InlineData("from=2026-02-13", "Required")]
    [InlineData("from=2026-02-13&workingDays=-1", "WorkingDaysOutOfRange")]
    [InlineData("from=2026-02-13&workingDays=251", "WorkingDaysOutOfRange")]
    [InlineData("from=1900-01-01&workingDays=1", "CalendarYearOutOfRange")]
    public async Task DueDate_BadInput_Problem(string query, string code)
    {
        var hall = await TestHall.CreateAsync(app);
        var response = await app.Api().GetAsync($"/api/halls/{hall.Id}/calendar/due-date?{query}", "en");
        await Expect.ProblemAsync(response, HttpStatusCode.BadRequest, code);
    }

    [Fact]
    public async Task DueDate_UnknownHall_NotFound()
    {
        var response = await app.Api().GetAsync($"/api/halls/{Guid.NewGuid()}/calendar/due-date?from=2026-01-05&workingDays=1");
        await Expect.ProblemAsync(response, HttpStatusCode.NotFound, "HallNotFound");
    }

    [Fact]
    public async Task Year_2026_DaysOffAndMakeUpWorkdays()
    {
        var hall = await TestHall.CreateAsync(app);
        var year = await app.Api().GetOkAsync<JsonObject>($"/api/halls/{hall.Id}/calendar/2026");
        Assert.True(year["scheduleKnown"]!.GetValue<bool>());
        Assert.Contains("国办发明电〔2025〕7号", year["officialSource"]!.GetValue<string>());
        var makeUp = year["makeUpWorkdays"]!.AsArray().Select(d => d!["date"]!.GetValue<string>()).ToList();
        Assert.Equal(["2026-01-04", "2026-02-14", "2026-02-28", "2026-05-09", "2026-09-20", "2026-10-10"], makeUp);
        var daysOff = year["daysOff"]!.AsArray().Select(d => d!["date"]!.GetValue<string>()).ToList();
        Assert.Equal(33, daysOff.Count);
        Assert.Contains("2026-02-15", daysOff);
        Assert.Contains("2026-10-07", daysOff);
        Assert.Equal("春节", year["daysOff"]!.AsArray().First(d => d!["date"]!.GetValue<string>() == "2026-02-23")!["name"]!.GetValue<string>());

        Assert.False(year["provisional"]!.GetValue<bool>());
    }

    [Fact]
    public async Task Year_WithoutSchedule_ProvisionalStatutoryHolidays()
    {
        var hall = await TestHall.CreateAsync(app);
        var year = await app.Api().GetOkAsync<JsonObject>($"/api/halls/{hall.Id}/calendar/2030");
        Assert.False(year["scheduleKnown"]!.GetValue<bool>());
        Assert.True(year["provisional"]!.GetValue<bool>());
        var daysOff = year["daysOff"]!.AsArray().ToDictionary(d => d!["date"]!.GetValue<string>(), d => d!);
        // 2030: 春节 is 02-03 (除夕 02-02 .. 初三 02-05), 清明 04-05, 端午 06-05, 中秋 09-12.
        Assert.Equal("春节", daysOff["2030-02-02"]["name"]!.GetValue<string>());
        Assert.Contains("2030-02-05", daysOff.Keys);
        Assert.DoesNotContain("2030-02-06", daysOff.Keys);
        Assert.Contains("2030-04-05", daysOff.Keys);
        Assert.Contains("2030-06-05", daysOff.Keys);
        Assert.Contains("2030-09-12", daysOff.Keys);
        Assert.Contains("2030-10-07", daysOff.Keys);
        Assert.All(daysOff.Values, d => Assert.Equal("provisional", d["source"]!.GetValue<string>()));
        Assert.Empty(year["makeUpWorkdays"]!.AsArray());

        // The provisional days count for deadlines: 2030-02-01 (Fri) + 1 working day skips 春节 to 02-06.
        var due = await app.Api().GetOkAsync<JsonObject>($"/api/halls/{hall.Id}/calendar/due-date?from=2030-02-01&workingDays=1");
        Assert.Equal("2030-02-06", due["dueDate"]!.GetValue<string>());
    }

    [Fact]
    public async Task SetDay_InProvisionalYear_StaysProvisional()
    {
        var hall = await TestHall.CreateAsync(app);
        var admin = app.Api("admin");
        await admin.SignInAsync();
        var set = await admin.Http.PutAsJsonAsync($"/api/halls/{hall.Id}/calendar/days/2030-03-12", new { kind = "dayOff", name = "本地" });
        await Expect.StatusAsync(set, HttpStatusCode.OK);
        var year = await app.Api().GetOkAsync<JsonObject>($"/api/halls/{hall.Id}/calendar/2030");
        Assert.True(year["provisional"]!.GetValue<bool>());
        var sources = year["daysOff"]!.AsArray().Select(d => d!["source"]!.GetValue<string>()).ToList();
        Assert.Contains("hall", sources);
        Assert.Contains("provisional", sources);
    }

    [Fact]
    public async Task ImportCsv_LaterYear_UsedForDueDatesAndReplacedByNextImport()
    {
        var hall = await TestHall.CreateAsync(app);
        var admin = app.Api("admin");
        // A made-up 2027 schedule: 2027-02-05 (Fri) .. 02-11 off, Sunday 02-14 worked.
        var csv = "date,kind,name\n2027-02-05..2027-02-11,dayOff,春节\n2027-02-14,makeUpWorkday,春节\n";
        var imported = await PostCsvAsync(admin, hall.Id, 2027, csv);
        await Expect.StatusAsync(imported, HttpStatusCode.OK);
        var result = (await imported.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal(7, result["daysOff"]!.GetValue<int>());
        Assert.Equal(1, result["makeUpWorkdays"]!.GetValue<int>());

        var due = await app.Api().GetOkAsync<JsonObject>($"/api/halls/{hall.Id}/calendar/due-date?from=2027-02-04&workingDays=2");
        Assert.Equal("2027-02-14", due["dueDate"]!.GetValue<string>()); // 02-12 (Fri) is day 1, make-up Sunday day 2
        var year = await app.Api().GetOkAsync<JsonObject>($"/api/halls/{hall.Id}/calendar/2027");
        Assert.True(year["scheduleKnown"]!.GetValue<bool>());
        Assert.All(year["daysOff"]!.AsArray(), d => Assert.Equal("hall", d!["source"]!.GetValue<string>()));

        Assert.False(year["provisional"]!.GetValue<bool>());

        // Another hall keeps the provisional 2027: 除夕 02-05 (Fri) to 初三 02-08 off, no make-up Sunday.
        var other = await TestHall.CreateAsync(app);
        var otherDue = await app.Api().GetOkAsync<JsonObject>($"/api/halls/{other.Id}/calendar/due-date?from=2027-02-04&workingDays=2");
        Assert.Equal("2027-02-10", otherDue["dueDate"]!.GetValue<string>());

        // A JSON import of the same year replaces the hall's entries for that year.
        var json = await admin.PostAsync($"/api/halls/{hall.Id}/calendar/2027/import", new
        {
            year = 2027, source = "国办发明电",
            days = new[] { new { date = "2027-01-01", kind = "dayOff", name = "元旦" } },
        });
        await Expect.StatusAsync(json, HttpStatusCode.OK);
        var replaced = await app.Api().GetOkAsync<JsonObject>($"/api/halls/{hall.Id}/calendar/2027");
        Assert.Equal("2027-01-01", Assert.Single(replaced["daysOff"]!.AsArray())!["date"]!.GetValue<string>());
        Assert.Empty(replaced["makeUpWorkdays"]!.AsArray());
    }

    [Fact]
    public async Task ImportCsv_BadLine_NothingStored()
    {
        var hall = await TestHall.CreateAsync(app);
        var response = await PostCsvAsync(app.Api("admin"), hall.Id, 2027,
            "2027-01-01,dayOff,元旦\n2027-01-05,makeUpWorkday,错误\n");
        await Expect.ProblemAsync(response, HttpStatusCode.BadRequest, "CalendarMakeUpNotWeekend");
        var year = await app.Api().GetOkAsync<JsonObject>($"/api/halls/{hall.Id}/calendar/2027");
        Assert.False(year["scheduleKnown"]!.GetValue<bool>());
    }

    [Fact]
    public async Task Import_UnsupportedFormat_And_YearMismatch_Refused()
    {
        var hall = await TestHall.CreateAsync(app);
        var admin = app.Api("admin");
        await admin.SignInAsync();
        var xml = await admin.Http.PostAsync($"/api/halls/{hall.Id}/calendar/2027/import",
            new StringContent("<days/>", Encoding.UTF8, "application/xml"));
        await Expect.ProblemAsync(xml, HttpStatusCode.UnsupportedMediaType);
        var mismatch = await admin.PostAsync($"/api/halls/{hall.Id}/calendar/2027/import", new { year = 2028, days = Array.Empty<object>() });
        await Expect.ProblemAsync(mismatch, HttpStatusCode.BadRequest, "CalendarYearMismatch");
    }

    [Fact]
    public async Task SetAndRemoveDay_OverridesOfficialThenRestores()
    {
        var hall = await TestHall.CreateAsync(app);
        var admin = app.Api("admin");
        await admin.SignInAsync();
        var set = await admin.Http.PutAsJsonAsync($"/api/halls/{hall.Id}/calendar/days/2026-11-24", new { kind = "dayOff", name = "本地防汛" });
        await Expect.StatusAsync(set, HttpStatusCode.OK);
        var due = await app.Api().GetOkAsync<JsonObject>($"/api/halls/{hall.Id}/calendar/due-date?from=2026-11-23&workingDays=1");
        Assert.Equal("2026-11-25", due["dueDate"]!.GetValue<string>());

        var weekday = await admin.Http.PutAsJsonAsync($"/api/halls/{hall.Id}/calendar/days/2026-11-25", new { kind = "makeUpWorkday" });
        await Expect.ProblemAsync(weekday, HttpStatusCode.BadRequest, "CalendarMakeUpNotWeekend");
        var noKind = await admin.Http.PutAsJsonAsync($"/api/halls/{hall.Id}/calendar/days/2026-11-25", new { name = "x" });
        await Expect.ProblemAsync(noKind, HttpStatusCode.BadRequest, "Required");

        var removed = await admin.Http.DeleteAsync($"/api/halls/{hall.Id}/calendar/days/2026-11-24");
        await Expect.StatusAsync(removed, HttpStatusCode.NoContent);
        due = await app.Api().GetOkAsync<JsonObject>($"/api/halls/{hall.Id}/calendar/due-date?from=2026-11-23&workingDays=1");
        Assert.Equal("2026-11-24", due["dueDate"]!.GetValue<string>());
        var again = await admin.Http.DeleteAsync($"/api/halls/{hall.Id}/calendar/days/2026-11-24");
        await Expect.ProblemAsync(again, HttpStatusCode.NotFound, "CalendarDayNotFound");
    }

    [Theory]
    [InlineData(null, HttpStatusCode.Unauthorized)]
    [InlineData("staff1", HttpStatusCode.Forbidden)]
    [InlineData("supervisor", HttpStatusCode.Forbidden)]
    [InlineData("kiosk1", HttpStatusCode.Forbidden)]
    public async Task Editing_OnlyAdmins(string? user, HttpStatusCode status)
    {
        var hall = await TestHall.CreateAsync(app);
        var api = app.Api(user);
        await api.SignInAsync();
        var put = await api.Http.PutAsJsonAsync($"/api/halls/{hall.Id}/calendar/days/2026-11-24", new { kind = "dayOff" });
        Assert.Equal(status, put.StatusCode);
        var import = await PostCsvAsync(api, hall.Id, 2027, "2027-01-01,dayOff,元旦");
        Assert.Equal(status, import.StatusCode);
        var delete = await api.Http.DeleteAsync($"/api/halls/{hall.Id}/calendar/days/2026-11-24");
        Assert.Equal(status, delete.StatusCode);
    }

    private static async Task<HttpResponseMessage> PostCsvAsync(ApiClient api, Guid hallId, int year, string csv)
    {
        await api.SignInAsync();
        return await api.Http.PostAsync($"/api/halls/{hallId}/calendar/{year}/import", new StringContent(csv, Encoding.UTF8, "text/csv"));
    }
}

public sealed class SqliteCalendarEndpointTests(SqliteHallApp app) : CalendarEndpointTests(app), IClassFixture<SqliteHallApp>;

public sealed class PostgresCalendarEndpointTests(PostgresHallApp app) : CalendarEndpointTests(app), IClassFixture<PostgresHallApp>;
