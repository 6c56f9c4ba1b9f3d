using System.Net;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using ServiceHall.Core.Features.Halls;
using ServiceHall.Core.Features.Halls.Templates;
using ServiceHall.IntegrationTests.Infrastructure;

namespace ServiceHall.IntegrationTests.Features.Halls;

/// <summary>P7: halls of four kinds, each created from its template through /api/admin and listed with its kind.</summary>
public abstract class HallKindsTests(HallApp app)
{
    private ApiClient Admin => app.Api("admin");

    private static string Json(HallKind kind) => char.ToLowerInvariant(kind.ToString()[0]) + kind.ToString()[1..];

    [Theory]
    [InlineData(HallKind.Government)]
    [InlineData(HallKind.Hospital)]
    [InlineData(HallKind.TicketOffice)]
    [InlineData(HallKind.PropertyDesk)]
    public async Task CreateHall_OfAKind_HoldsItsTemplatesRows_AndIsListedWithItsKind(HallKind kind)
    {
        var template = HallTemplates.For(kind);
        var name = $"{Json(kind)} {Guid.NewGuid():N}"[..30];
        var created = await Admin.PostOkAsync<JsonObject>("/api/admin/halls", new { name, kind = Json(kind) });
        Assert.Equal(Json(kind), created["kind"]!.GetValue<string>());
        var hallId = created["id"]!.GetValue<Guid>();

        var setup = await Admin.GetOkAsync<JsonObject>($"/api/admin/halls/{hallId}");
        Assert.Equal(template.Departments, setup["departments"]!.AsArray().Select(d => d!["name"]!.GetValue<string>()));
        var items = setup["serviceItems"]!.AsArray().Select(i => i!.AsObject()).ToList();
        Assert.Equal(template.Items.Select(i => (i.Name, i.Prefix, i.StandardMinutes)),
            items.Select(i => (i["name"]!.GetValue<string>(), i["prefix"]!.GetValue<string>(), i["averageServiceMinutes"]!.GetValue<int>())));
        var counters = setup["counters"]!.AsArray().Select(c => c!.AsObject()).ToList();
        Assert.Equal(template.Counters.Select(c => c.Number), counters.Select(c => c["number"]!.GetValue<int>()));
        var prefixById = items.ToDictionary(i => i["id"]!.GetValue<Guid>(), i => i["prefix"]!.GetValue<string>());
        foreach (var (counter, expected) in counters.Zip(template.Counters))
            Assert.Equal(expected.ItemPrefixes.Order(), counter["serviceItemIds"]!.AsArray().Select(id => prefixById[id!.GetValue<Guid>()]).Order());
        Assert.Equal(template.Hours.OpensAt, TimeOnly.Parse(setup["hall"]!["opensAt"]!.GetValue<string>()));
        Assert.Equal(template.Hours.Weekdays.Count, setup["hall"]!["weekdayHours"]!.AsArray().Count);

        var phrases = await app.WithDbAsync(db => db.ConductPhrases.Where(p => p.HallId == hallId).Select(p => p.Text).ToListAsync());
        Assert.Equal(template.Phrases.Select(p => p.Text).Order(), phrases.Order());

        var listed = (await app.Api().GetOkAsync<List<JsonObject>>("/api/halls")).Single(h => h["id"]!.GetValue<Guid>() == hallId);
        Assert.Equal(Json(kind), listed["kind"]!.GetValue<string>());
        Assert.Equal((template.Citizen.Zh, template.Citizen.En),
            (listed["citizenWord"]!.GetValue<string>(), listed["citizenWordEn"]!.GetValue<string>()));
    }

    [Fact]
    public async Task CreateHall_Hospital_PharmacyIssuesInOutpatientHours_ItsRowsAreEditable()
    {
        // The fake clock stands at 10:00 in Shanghai on a Monday: outpatient hours.
        var hallId = (await Admin.PostOkAsync<JsonObject>("/api/admin/halls", new { name = $"医院 {Guid.NewGuid():N}"[..20], kind = "hospital" }))["id"]!.GetValue<Guid>();
        var items = await app.Api().GetOkAsync<List<JsonObject>>($"/api/halls/{hallId}/service-items");
        var pharmacy = items.Single(i => i["prefix"]!.GetValue<string>() == "C");
        Assert.Equal("门诊取药", pharmacy["name"]!.GetValue<string>());
        Assert.Equal("08:00:00", pharmacy["servedFrom"]!.GetValue<string>());
        var ticket = await app.Api().IssueAsync(hallId, pharmacy["id"]!.GetValue<Guid>());
        Assert.Equal("C001", ticket.Number);

        // Nothing is read from the template later: the hall's own row changes, the template does not.
        var departmentId = pharmacy["departmentId"]!.GetValue<Guid>();
        await Admin.PutOkAsync<JsonObject>($"/api/admin/service-items/{pharmacy["id"]!.GetValue<Guid>()}", new { name = "西药房取药", prefix = "C", departmentId });
        Assert.Equal("西药房取药", (await app.Api().GetOkAsync<List<JsonObject>>($"/api/halls/{hallId}/service-items"))
            .Single(i => i["prefix"]!.GetValue<string>() == "C")["name"]!.GetValue<string>());
        Assert.Equal("门诊取药", HallTemplates.For(HallKind.Hospital).Items.Single(i => i.Prefix == "C").Name);
    }

    [Fact]
    public async Task CreateHall_WithoutKind_AnEmptyGovernmentHall_AsBefore()
    {
        var created = await Admin.PostOkAsync<JsonObject>("/api/admin/halls", new { name = $"空大厅 {Guid.NewGuid():N}"[..20] });
        Assert.Equal("government", created["kind"]!.GetValue<string>());
        Assert.Equal("群众", created["citizenWord"]!.GetValue<string>());
        var setup = await Admin.GetOkAsync<JsonObject>($"/api/admin/halls/{created["id"]!.GetValue<Guid>()}");
        Assert.Empty(setup["departments"]!.AsArray());
        Assert.Empty(setup["serviceItems"]!.AsArray());
        Assert.Empty(setup["counters"]!.AsArray());
    }

    [Fact]
    public async Task CreateHall_UnknownKind_Refused_NothingWritten()
    {
        var before = await app.WithDbAsync(db => db.Halls.CountAsync());
        await Expect.ProblemAsync(await Admin.PostAsync("/api/admin/halls", new { name = "动物园", kind = "zoo" }), HttpStatusCode.BadRequest);
        Assert.Equal(before, await app.WithDbAsync(db => db.Halls.CountAsync()));
    }

    [Fact]
    public async Task UpdateHall_CitizenWordsEditable_KindKept_LeftOutWordsKept()
    {
        var hallId = (await Admin.PostOkAsync<JsonObject>("/api/admin/halls", new { name = $"车站 {Guid.NewGuid():N}"[..20], kind = "ticketOffice" }))["id"]!.GetValue<Guid>();
        var updated = await Admin.PutOkAsync<JsonObject>($"/api/admin/halls/{hallId}",
            new { name = "东站售票处", kind = "propertyDesk", citizenWord = "乘客", citizenWordEn = "traveller" });
        Assert.Equal(("ticketOffice", "乘客", "traveller"),
            (updated["kind"]!.GetValue<string>(), updated["citizenWord"]!.GetValue<string>(), updated["citizenWordEn"]!.GetValue<string>()));
        var again = await Admin.PutOkAsync<JsonObject>($"/api/admin/halls/{hallId}", new { name = "东站售票处" });
        Assert.Equal("乘客", again["citizenWord"]!.GetValue<string>());
    }

    [Fact]
    public async Task ListHalls_TheDemoCentre_IsAGovernmentHall()
    {
        var demo = await app.DemoHallAsync();
        var listed = (await app.Api().GetOkAsync<List<JsonObject>>("/api/halls")).Single(h => h["id"]!.GetValue<Guid>() == demo.Id);
        Assert.Equal(("government", "群众", "citizen"),
            (listed["kind"]!.GetValue<string>(), listed["citizenWord"]!.GetValue<string>(), listed["citizenWordEn"]!.GetValue<string>()));
    }
}

public sealed class SqliteHallKindsTests(SqliteHallApp app) : HallKindsTests(app), IClassFixture<SqliteHallApp>;

public sealed class PostgresHallKindsTests(PostgresHallApp app) : HallKindsTests(app), IClassFixture<PostgresHallApp>;
