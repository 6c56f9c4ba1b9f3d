using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ServiceHall.IntegrationTests.Infrastructure;
using static ServiceHall.IntegrationTests.Features.Supervision.SupervisionFlows;

namespace ServiceHall.IntegrationTests.Features.Complaints;

/// <summary>A complainant finds the complaint again by number and phone (S2), and reads the reply once given.</summary>
public abstract class ComplaintTrackingTests(HallApp app)
{
    private static object Named(string phone = "138-1234-5678") => new
    {
        title = "窗口等候太久", content = "上午排队一个多小时。", anonymous = false, complainantName = "李四", contactPhone = phone, subject = "hall",
    };

    [Fact]
    public async Task FoundByNumberAndPhone_WrongPairSameNotFound_ReplyShownAfterReply()
    {
        var hall = await TestHall.CreateAsync(app);
        var citizen = app.Api();
        var receipt = await JsonAsync(await citizen.PostAsync($"/api/halls/{hall.Id}/complaints/online", Named()), HttpStatusCode.Created);
        var number = receipt.Str("number");
        var find = $"/api/halls/{hall.Id}/complaints/find";

        // Spaces, dashes and the number's case do not matter; the phone's digits do.
        var found = await citizen.PostOkAsync<JsonObject>(find, new { number = number.ToLowerInvariant(), phone = "13812345678" });
        Assert.Equal(receipt.Str("trackingCode"), found.Str("trackingCode"));

        var wrongPhone = await Expect.ProblemAsync(await citizen.PostAsync(find, new { number, phone = "13812345679" }), HttpStatusCode.NotFound, "ComplaintNotFound");
        var unknown = await Expect.ProblemAsync(await citizen.PostAsync(find, new { number = "TS19990101-0001", phone = "13812345678" }),
            HttpStatusCode.NotFound, "ComplaintNotFound");
        Assert.Equal(unknown.Str("title"), wrongPhone.Str("title"));
        Assert.Equal(unknown.Str("detail"), wrongPhone.Str("detail"));
        var otherHall = await TestHall.CreateAsync(app);
        await Expect.ProblemAsync(await citizen.PostAsync($"/api/halls/{otherHall.Id}/complaints/find", new { number, phone = "13812345678" }),
            HttpStatusCode.NotFound, "ComplaintNotFound");
        await Expect.ProblemAsync(await citizen.PostAsync(find, new { number }), HttpStatusCode.BadRequest, "Required");

        // An anonymous complaint keeps no phone: it is found by its address only.
        var anonymous = await JsonAsync(await citizen.PostAsync($"/api/halls/{hall.Id}/complaints/online",
            new { title = "匿名", content = "匿名投诉", anonymous = true, contactPhone = "13812345678" }), HttpStatusCode.Created);
        await Expect.ProblemAsync(await citizen.PostAsync(find, new { number = anonymous.Str("number"), phone = "13812345678" }),
            HttpStatusCode.NotFound, "ComplaintNotFound");

        var track = $"/api/complaints/track/{found.Str("trackingCode")}";
        var before = await citizen.GetOkAsync<JsonObject>(track);
        Assert.Null(before["reply"]);
        Assert.Null(before["repliedOn"]);

        var supervisor = app.Api(hall.Supervisor);
        var id = receipt.Str("id");
        var staffId = await TestHall.UserIdAsync(app, hall.Staff[0]);
        await supervisor.PostOkAsync<JsonObject>($"/api/complaints/{id}/assign", new { assigneeUserId = staffId, note = "请核查" });
        await app.Api(hall.Staff[0]).PostOkAsync<JsonObject>($"/api/complaints/{id}/investigate", new { note = "查看叫号记录" });
        await app.Api(hall.Staff[0]).PostOkAsync<JsonObject>($"/api/complaints/{id}/reply",
            new { finding = "高峰时段窗口不足", reply = "已在上午高峰增开两个窗口，感谢您的监督。" });
        var after = await citizen.GetOkAsync<JsonObject>(track);
        Assert.Equal("replied", after.Str("status"));
        Assert.Equal("已在上午高峰增开两个窗口，感谢您的监督。", after.Str("reply"));
        Assert.Equal(Iso(app.Today), after.Str("repliedOn"));
    }

    [Fact]
    public async Task FindComplaint_WrongPairsAreRateLimitedPerAddress()
    {
        var hall = await TestHall.CreateAsync(app);
        using var limited = app.WithWebHostBuilder(b => b.UseSetting("RateLimits:AnonymousTicketsPerWindow", "3"));
        var client = limited.CreateClient();
        var find = $"/api/halls/{hall.Id}/complaints/find";
        for (var i = 0; i < 3; i++)
            await Expect.ProblemAsync(await client.PostAsJsonAsync(find, new { number = $"TS20260101-000{i}", phone = "13800000000" }),
                HttpStatusCode.NotFound, "ComplaintNotFound");
        await Expect.ProblemAsync(await client.PostAsJsonAsync(find, new { number = "TS20260101-0009", phone = "13800000000" }),
            HttpStatusCode.TooManyRequests, "RateLimited");
    }
}

public sealed class SqliteComplaintTrackingTests(SqliteHallApp app) : ComplaintTrackingTests(app), IClassFixture<SqliteHallApp>;

public sealed class PostgresComplaintTrackingTests(PostgresHallApp app) : ComplaintTrackingTests(app), IClassFixture<PostgresHallApp>;
