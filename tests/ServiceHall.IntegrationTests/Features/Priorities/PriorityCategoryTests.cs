using System.Net;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ServiceHall.Core.Features.Halls;
using ServiceHall.Core.Features.Halls.Templates;
using ServiceHall.Core.Features.Priorities;
using ServiceHall.Core.Features.Queue;
using ServiceHall.IntegrationTests.Infrastructure;

namespace ServiceHall.IntegrationTests.Features.Priorities;

/// <summary>Q2, issue 16: each hall's own priority categories — from its template, offered by id, and set by the administrator.</summary>
public abstract class PriorityCategoryTests(HallApp app)
{
    private ApiClient Admin => app.Api("admin");

    private static string Json(HallKind kind) => char.ToLowerInvariant(kind.ToString()[0]) + kind.ToString()[1..];

    private Task<List<JsonObject>> OfferedAsync(Guid hallId) =>
        app.Api().GetOkAsync<List<JsonObject>>($"/api/halls/{hallId}/priority-categories");

    private static Guid IdOf(List<JsonObject> categories, string nameZh) =>
        categories.Single(c => c["nameZh"]!.GetValue<string>() == nameZh)["id"]!.GetValue<Guid>();

    [Theory]
    [InlineData(HallKind.Government, "老人/elderly/priority/v,残疾人/disabled/priority/v,军人/military/priority/v,孕妇/pregnant/priority/-,急诊/emergency/emergency/-")]
    [InlineData(HallKind.Hospital, "急诊/emergency/emergency/-,老年人/elderly/priority/v,残疾人/disabled/priority/v,军人/military/priority/v,孕产妇/pregnant/priority/-")]
    [InlineData(HallKind.TicketOffice, "老弱病残孕/elderly/priority/-,军人/military/priority/v")]
    [InlineData(HallKind.PropertyDesk, "老人/elderly/priority/v,残疾人/disabled/priority/v,军人/military/priority/v,孕妇/pregnant/priority/-,急诊/emergency/emergency/-")]
    public async Task CreateHall_OfAKind_OffersItsTemplatesCategories_InTheTemplatesOrder(HallKind kind, string expected)
    {
        var created = await Admin.PostOkAsync<JsonObject>("/api/admin/halls", new { name = $"{Json(kind)} {Guid.NewGuid():N}"[..30], kind = Json(kind) });
        var offered = await OfferedAsync(created["id"]!.GetValue<Guid>());
        Assert.Equal(expected.Split(','), offered.Select(c =>
            $"{c["nameZh"]!.GetValue<string>()}/{c["priorityClass"]!.GetValue<string>()}/{c["lane"]!.GetValue<string>()}/"
            + (c["requiresVerification"]!.GetValue<bool>() ? "v" : "-")));
        Assert.Equal(HallTemplates.For(kind).PriorityCategories.Select(p => p.En), offered.Select(c => c["nameEn"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Startup_AHallWithoutCategories_GetsItsKindsOnce_AndTheDemoCentreHasTheGovernments()
    {
        var demo = await app.DemoHallAsync();
        Assert.Equal(["老人", "残疾人", "军人", "孕妇", "急诊"], (await OfferedAsync(demo.Id)).Select(c => c["nameZh"]!.GetValue<string>()));

        // A hospital hall as it stood before categories existed: no category rows, an elderly ticket of the old enum.
        var hallId = Guid.CreateVersion7();
        await app.WithDbAsync(async db =>
        {
            db.Halls.Add(new Hall { Id = hallId, Name = $"旧医院 {hallId:N}"[..20], Kind = HallKind.Hospital });
            await db.SaveChangesAsync();
        });
        using (var scope = app.Services.CreateScope())
        {
            var ensure = scope.ServiceProvider.GetRequiredService<EnsurePriorityCategories>();
            Assert.True(await ensure.HandleAsync(default) >= 1);
            Assert.Equal(0, await ensure.HandleAsync(default));
        }
        var offered = await OfferedAsync(hallId);
        Assert.Equal(["急诊", "老年人", "残疾人", "军人", "孕产妇"], offered.Select(c => c["nameZh"]!.GetValue<string>()));
        Assert.Equal(5, await app.WithDbAsync(db => db.Set<PriorityCategory>().CountAsync(c => c.HallId == hallId)));
    }

    [Fact]
    public async Task Issue_WithACategory_TakesItsClassAndLane_AndCallsGoEmergencyPriorityNormal()
    {
        var hall = await TestHall.CreateAsync(app, counters: 1, staff: 1);
        var offered = await OfferedAsync(hall.Id);
        var kiosk = app.Api(hall.Kiosk);
        var normal = await kiosk.IssueAsync(hall.Id, hall.Item("A"));
        var pregnant = await kiosk.PostOkAsync<JsonObject>($"/api/halls/{hall.Id}/tickets",
            new { serviceItemId = hall.Item("A"), priorityCategoryId = IdOf(offered, "孕妇") });
        var emergency = await kiosk.PostOkAsync<JsonObject>($"/api/halls/{hall.Id}/tickets",
            new { serviceItemId = hall.Item("A"), priorityCategoryId = IdOf(offered, "急诊") });
        Assert.Equal(("pregnant", IdOf(offered, "孕妇")), (pregnant["priority"]!.GetValue<string>(), pregnant["priorityCategoryId"]!.GetValue<Guid>()));
        // Each goes before the normal ticket that came first: nobody is ahead of either.
        Assert.Equal((0, 0), (pregnant["peopleAhead"]!.GetValue<int>(), emergency["peopleAhead"]!.GetValue<int>()));

        var staff = app.Api(hall.Staff[0]);
        await staff.OpenAsync(hall.Counters[0]);
        var order = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            var called = (await staff.CallNextAsync(hall.Counters[0]))!;
            order.Add(called.Number);
            await staff.ActAsync(hall.Counters[0], called.Id, "start");
            await staff.ActAsync(hall.Counters[0], called.Id, "finish");
        }
        Assert.Equal([emergency["number"]!.GetValue<string>(), pregnant["number"]!.GetValue<string>(), normal.Number], order);
        var stored = await app.WithDbAsync(db => db.Tickets.SingleAsync(t => t.Id == emergency["id"]!.GetValue<Guid>()));
        Assert.Equal((TicketPriority.Emergency, 0, IdOf(offered, "急诊")), (stored.Priority, stored.Lane, stored.PriorityCategoryId));
    }

    [Fact]
    public async Task Issue_ByTheOldClassName_MapsToTheHallsCategory_OrIsRefusedWhenTheHallOffersNone()
    {
        var hall = await TestHall.CreateAsync(app, counters: 1, staff: 1);
        var offered = await OfferedAsync(hall.Id);
        var kiosk = app.Api(hall.Kiosk);
        var elderly = await kiosk.PostOkAsync<JsonObject>($"/api/halls/{hall.Id}/tickets", new { serviceItemId = hall.Item("A"), priority = "elderly" });
        Assert.Equal(IdOf(offered, "老人"), elderly["priorityCategoryId"]!.GetValue<Guid>());

        // The hall stops offering 军人: the class name is refused, in the request's language, and so is the category's id.
        var military = offered.Single(c => c["nameZh"]!.GetValue<string>() == "军人");
        await Admin.PutOkAsync<JsonObject>($"/api/admin/halls/{hall.Id}/priority-categories/{military["id"]!.GetValue<Guid>()}",
            new { nameZh = "军人", nameEn = "Military", priorityClass = "military", sortOrder = 2, requiresVerification = true, isActive = false });
        var before = await app.WithDbAsync(db => db.Tickets.CountAsync(t => t.HallId == hall.Id));
        var refused = await Expect.ProblemAsync(await kiosk.PostAsync($"/api/halls/{hall.Id}/tickets",
            new { serviceItemId = hall.Item("A"), priority = "military" }, "en"), HttpStatusCode.BadRequest, "PriorityNotOffered");
        Assert.Contains("does not offer “military”", refused["detail"]!.GetValue<string>());
        var zh = await Expect.ProblemAsync(await kiosk.PostAsync($"/api/halls/{hall.Id}/tickets",
            new { serviceItemId = hall.Item("A"), priority = "military" }), HttpStatusCode.BadRequest, "PriorityNotOffered");
        Assert.Contains("“军人”", zh["detail"]!.GetValue<string>());
        await Expect.ProblemAsync(await kiosk.PostAsync($"/api/halls/{hall.Id}/tickets",
            new { serviceItemId = hall.Item("A"), priorityCategoryId = military["id"]!.GetValue<Guid>() }), HttpStatusCode.Conflict, "PriorityCategoryInactive");
        await Expect.ProblemAsync(await kiosk.PostAsync($"/api/halls/{hall.Id}/tickets",
            new { serviceItemId = hall.Item("A"), priorityCategoryId = Guid.NewGuid() }), HttpStatusCode.NotFound, "PriorityCategoryNotFound");
        await Expect.ProblemAsync(await kiosk.PostAsync($"/api/halls/{hall.Id}/tickets",
            new { serviceItemId = hall.Item("A"), priority = "emergency", priorityCategoryId = IdOf(offered, "老人") }),
            HttpStatusCode.BadRequest, "PriorityCategoryClassMismatch");
        Assert.Equal(before, await app.WithDbAsync(db => db.Tickets.CountAsync(t => t.HallId == hall.Id)));
        Assert.DoesNotContain(await OfferedAsync(hall.Id), c => c["nameZh"]!.GetValue<string>() == "军人");
    }

    [Fact]
    public async Task AdminCategories_AddedInOrder_Deactivated_NotDeleted_BadInputAsProblems()
    {
        var hall = await TestHall.CreateAsync(app, counters: 1, staff: 1);
        var url = $"/api/admin/halls/{hall.Id}/priority-categories";
        var added = await Admin.PostOkAsync<JsonObject>(url,
            new { nameZh = "消防救援人员", nameEn = "Fire and rescue", priorityClass = "military", sortOrder = 3, requiresVerification = true });
        Assert.Equal(("priority", true), (added["lane"]!.GetValue<string>(), added["isActive"]!.GetValue<bool>()));
        // Sorted by order, then name: the template's are 0–4, so 3 comes after 军人 (2) and before 孕妇 (3) by name.
        Assert.Equal(["老人", "残疾人", "军人", "孕妇", "消防救援人员", "急诊"],
            (await OfferedAsync(hall.Id)).Select(c => c["nameZh"]!.GetValue<string>()));

        // A ticket claims it; deactivated, it leaves the kiosk and stays on the ticket and in the administrator's list.
        var ticket = await app.Api(hall.Kiosk).PostOkAsync<JsonObject>($"/api/halls/{hall.Id}/tickets",
            new { serviceItemId = hall.Item("A"), priorityCategoryId = added["id"]!.GetValue<Guid>() });
        await Admin.PutOkAsync<JsonObject>($"{url}/{added["id"]!.GetValue<Guid>()}",
            new { nameZh = "消防救援人员", nameEn = "Fire and rescue", priorityClass = "military", sortOrder = 3, isActive = false });
        Assert.DoesNotContain(await OfferedAsync(hall.Id), c => c["nameZh"]!.GetValue<string>() == "消防救援人员");
        Assert.Contains(await Admin.GetOkAsync<List<JsonObject>>(url), c => c["nameZh"]!.GetValue<string>() == "消防救援人员" && !c["isActive"]!.GetValue<bool>());
        Assert.Equal(added["id"]!.GetValue<Guid>(), (await app.WithDbAsync(db => db.Tickets.SingleAsync(t => t.Id == ticket["id"]!.GetValue<Guid>()))).PriorityCategoryId);

        var count = await app.WithDbAsync(db => db.Set<PriorityCategory>().CountAsync(c => c.HallId == hall.Id));
        var missing = await Expect.ProblemAsync(await Admin.PostAsync(url, new { nameEn = "x", priorityClass = "elderly" }, "en"),
            HttpStatusCode.BadRequest, "Required");
        Assert.NotNull(missing["errors"]!["nameZh"]);
        await Expect.ProblemAsync(await Admin.PostAsync(url, new { nameZh = "普通", nameEn = "Normal", priorityClass = "normal" }),
            HttpStatusCode.BadRequest, "PriorityClassInvalid");
        await Expect.ProblemAsync(await Admin.PostAsync(url, new { nameZh = "长者", nameEn = "ELDERLY", priorityClass = "elderly" }),
            HttpStatusCode.Conflict, "PriorityCategoryNameTaken");
        await Expect.ProblemAsync(await Admin.PostAsync(url, new { nameZh = new string('长', 21), nameEn = "x", priorityClass = "elderly" }),
            HttpStatusCode.BadRequest, "TooLong");
        for (var n = 1; n <= 3; n++)
            await Admin.PostOkAsync<JsonObject>(url, new { nameZh = $"类别{n}", nameEn = $"Category {n}", priorityClass = "elderly", sortOrder = 10 + n });
        var tooMany = await Expect.ProblemAsync(await Admin.PostAsync(url, new { nameZh = "第九", nameEn = "Ninth", priorityClass = "elderly" }, "en"),
            HttpStatusCode.Conflict, "PriorityCategoriesTooMany");
        Assert.Contains("at most 8", tooMany["detail"]!.GetValue<string>());
        Assert.Equal(count + 3, await app.WithDbAsync(db => db.Set<PriorityCategory>().CountAsync(c => c.HallId == hall.Id)));

        await Expect.ProblemAsync(await Admin.PutAsync($"{url}/{Guid.NewGuid()}", new { nameZh = "x", nameEn = "x", priorityClass = "elderly" }),
            HttpStatusCode.NotFound, "PriorityCategoryNotFound");
        var other = await TestHall.CreateAsync(app, counters: 1, staff: 1);
        var othersCategory = (await OfferedAsync(other.Id))[0]["id"]!.GetValue<Guid>();
        await Expect.ProblemAsync(await Admin.PutAsync($"{url}/{othersCategory}", new { nameZh = "x", nameEn = "x", priorityClass = "elderly" }),
            HttpStatusCode.NotFound, "PriorityCategoryNotFound");
        await Expect.ProblemAsync(await Admin.GetAsync($"/api/admin/halls/{Guid.NewGuid()}/priority-categories"), HttpStatusCode.NotFound, "HallNotFound");
        Assert.Equal(HttpStatusCode.Forbidden, (await app.Api(hall.Supervisor).PostAsync(url, new { nameZh = "甲", nameEn = "A", priorityClass = "elderly" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await app.Api(hall.Staff[0]).GetAsync(url)).StatusCode);
    }
}

public sealed class SqlitePriorityCategoryTests(SqliteHallApp app) : PriorityCategoryTests(app), IClassFixture<SqliteHallApp>;

public sealed class PostgresPriorityCategoryTests(PostgresHallApp app) : PriorityCategoryTests(app), IClassFixture<PostgresHallApp>;
