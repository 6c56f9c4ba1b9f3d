using System.Net;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using ServiceHall.Core.Privacy;
using ServiceHall.IntegrationTests.Infrastructure;

namespace ServiceHall.IntegrationTests.Privacy;

/// <summary>P3: ID and mobile numbers written into free text are masked for everyone and sealed; their reading is audited.</summary>
public abstract class FreeTextSealingTests(HallApp app)
{
    private const string Written = "我的身份证号是11010519491231002X，电话138 1234 5678，请回电。上次办件编号SL20261123000123，号票A001，2026-11-23。";
    private const string Masked = "我的身份证号是110***********002X，电话138 **** 5678，请回电。上次办件编号SL20261123000123，号票A001，2026-11-23。";

    [Fact]
    public async Task ComplaintContent_StoredMasked_OriginalOnlyWithAPurpose_Audited()
    {
        var hall = await TestHall.CreateAsync(app);
        var created = await app.Api().PostAsync($"/api/halls/{hall.Id}/complaints/online",
            new { title = "窗口态度", content = Written, anonymous = true });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = JsonNode.Parse(await created.Content.ReadAsStringAsync())!["id"]!.GetValue<Guid>();

        var stored = await app.WithDbAsync(db => db.Complaints.Where(c => c.Id == id).Select(c => new { c.Content, c.ContentCipher }).SingleAsync());
        Assert.Equal(Masked, stored.Content);
        Assert.DoesNotContain("1949", stored.ContentCipher);
        Assert.NotEmpty(stored.ContentCipher);

        var supervisor = app.Api(hall.Supervisor);
        await Expect.ProblemAsync(await supervisor.PostAsync($"/api/complaints/{id}/content", new { purpose = " " }), HttpStatusCode.BadRequest, "Required");
        await Expect.StatusAsync(await app.Api(hall.Staff[0]).PostAsync($"/api/complaints/{id}/content", new { purpose = "核实" }), HttpStatusCode.Forbidden);
        var other = await TestHall.CreateAsync(app);
        await Expect.StatusAsync(await app.Api(other.Supervisor).PostAsync($"/api/complaints/{id}/content", new { purpose = "核实" }), HttpStatusCode.Forbidden);
        Assert.False(await app.WithDbAsync(db => db.PersonalDataReads.AnyAsync(r => r.SubjectId == id)));

        var original = await supervisor.PostOkAsync<JsonObject>($"/api/complaints/{id}/content", new { purpose = "核实投诉人身份" });

        Assert.Equal(Written, original["text"]!.GetValue<string>());
        var read = await app.WithDbAsync(db => db.PersonalDataReads.SingleAsync(r => r.SubjectId == id));
        Assert.Equal(PersonalDataKind.FreeText, read.Kind);
        Assert.Equal(hall.Id, read.HallId);
        Assert.Equal("核实投诉人身份", read.Purpose);
        Assert.NotNull(read.Sequence);
    }

    [Fact]
    public async Task ComplaintWithoutNumbers_StoredAsWritten_NothingSealed()
    {
        var hall = await TestHall.CreateAsync(app);
        var created = await app.Api().PostAsync($"/api/halls/{hall.Id}/complaints/online",
            new { title = "等候", content = "上午排队一个多小时，号票A001。", anonymous = true });
        var id = JsonNode.Parse(await created.Content.ReadAsStringAsync())!["id"]!.GetValue<Guid>();

        var stored = await app.WithDbAsync(db => db.Complaints.Where(c => c.Id == id).Select(c => new { c.Content, c.ContentCipher }).SingleAsync());

        Assert.Equal("上午排队一个多小时，号票A001。", stored.Content);
        Assert.Equal("", stored.ContentCipher);
    }
}

public sealed class SqliteFreeTextSealingTests(SqliteHallApp app) : FreeTextSealingTests(app), IClassFixture<SqliteHallApp>;

public sealed class PostgresFreeTextSealingTests(PostgresHallApp app) : FreeTextSealingTests(app), IClassFixture<PostgresHallApp>;
