using System.Net;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ServiceHall.Core.Features.Alerts;
using ServiceHall.Core.Features.Cases;
using ServiceHall.Core.Features.Halls;
using ServiceHall.Core.Features.Halls.Templates;
using ServiceHall.IntegrationTests.Infrastructure;

namespace ServiceHall.IntegrationTests.Features.Halls;

/// <summary>P7: modules on or off per hall, switched by the administrator, audited; a module off answers 404 for that hall only.</summary>
public abstract class HallModulesTests(HallApp app)
{
    private ApiClient Admin => app.Api("admin");

    private static readonly string[] AllButInquiriesComplaintsAppointments = ["guides", "cases", "multiStepVisits"];

    private Task<JsonObject> SetModulesAsync(Guid hallId, params string[] modules) =>
        Admin.PutOkAsync<JsonObject>($"/api/admin/halls/{hallId}/modules", new { modules });

    [Fact]
    public async Task SetModules_Off_ItsRoutesAnswer404ForThatHallOnly_OnAgainTheyAnswer()
    {
        var off = await TestHall.CreateAsync(app);
        var on = await TestHall.CreateAsync(app);
        // An inquiry recorded while the module was on is out of reach by its own address once it is off.
        var inquiry = await app.Api(off.Staff[0]).PostOkAsync<JsonObject>($"/api/halls/{off.Id}/inquiries",
            new { question = "营业执照怎么办", channel = "onSite", answer = "请到3号窗口" });

        await SetModulesAsync(off.Id, AllButInquiriesComplaintsAppointments);

        await Expect.ProblemAsync(await app.Api(off.Staff[0]).GetAsync($"/api/halls/{off.Id}/inquiries"), HttpStatusCode.NotFound, "ModuleNotUsed");
        await Expect.ProblemAsync(await app.Api(off.Staff[0]).GetAsync($"/api/inquiries/{inquiry["id"]}"), HttpStatusCode.NotFound, "ModuleNotUsed");
        await Expect.ProblemAsync(await app.Api(off.Supervisor).GetAsync($"/api/halls/{off.Id}/complaints"), HttpStatusCode.NotFound, "ModuleNotUsed");
        await Expect.ProblemAsync(await app.Api(off.Supervisor).GetAsync($"/api/halls/{off.Id}/appointment-settings"), HttpStatusCode.NotFound, "ModuleNotUsed");
        await Expect.ProblemAsync(await app.Api().PostAsync($"/api/halls/{off.Id}/complaints/online", new { content = "服务态度差" }),
            HttpStatusCode.NotFound, "ModuleNotUsed");
        var english = await Expect.ProblemAsync(await app.Api(off.Staff[0]).GetAsync($"/api/halls/{off.Id}/inquiries", "en"),
            HttpStatusCode.NotFound, "ModuleNotUsed");
        Assert.Equal("This hall does not use this part of the platform.", english["detail"]!.GetValue<string>());
        var chinese = await Expect.ProblemAsync(await app.Api(off.Staff[0]).GetAsync($"/api/halls/{off.Id}/inquiries"), HttpStatusCode.NotFound);
        Assert.Equal("本大厅未使用此功能。", chinese["detail"]!.GetValue<string>());
        // Another hall's staff are still refused as before (403), not told about the module.
        await Expect.ProblemAsync(await app.Api(on.Staff[0]).GetAsync($"/api/halls/{off.Id}/inquiries"), HttpStatusCode.Forbidden, "OtherHall");

        // The other hall, and the modules left on, answer as before; the queue is no module.
        await Expect.StatusAsync(await app.Api(on.Staff[0]).GetAsync($"/api/halls/{on.Id}/inquiries"), HttpStatusCode.OK);
        await Expect.StatusAsync(await app.Api(on.Supervisor).GetAsync($"/api/halls/{on.Id}/complaints"), HttpStatusCode.OK);
        await Expect.StatusAsync(await app.Api(on.Supervisor).GetAsync($"/api/halls/{on.Id}/appointment-settings"), HttpStatusCode.OK);
        await Expect.StatusAsync(await app.Api(off.Staff[0]).GetAsync($"/api/halls/{off.Id}/cases"), HttpStatusCode.OK);
        await app.Api().IssueAsync(off.Id, off.Item("A"));

        await SetModulesAsync(off.Id, "guides", "cases", "inquiries", "complaints", "multiStepVisits", "appointments");
        await Expect.StatusAsync(await app.Api(off.Staff[0]).GetAsync($"/api/inquiries/{inquiry["id"]}"), HttpStatusCode.OK);
        await Expect.StatusAsync(await app.Api(off.Supervisor).GetAsync($"/api/halls/{off.Id}/complaints"), HttpStatusCode.OK);
    }

    [Fact]
    public async Task SetModules_EachChangeIsRecordedWithWhoAndWhen_ListedWithTheHall()
    {
        var hall = await TestHall.CreateAsync(app);
        var fresh = await Admin.GetOkAsync<JsonObject>($"/api/admin/halls/{hall.Id}/modules");
        Assert.Equal(6, fresh["modules"]!.AsArray().Count);
        Assert.Empty(fresh["changes"]!.AsArray());

        var view = await SetModulesAsync(hall.Id, "cases", "inquiries", "complaints", "multiStepVisits");
        Assert.Equal(["cases", "inquiries", "complaints", "multiStepVisits"], view["modules"]!.AsArray().Select(m => m!.GetValue<string>()));
        var changes = view["changes"]!.AsArray().Select(c => c!.AsObject()).ToList();
        Assert.Equal(["appointments", "guides"], changes.Select(c => c["module"]!.GetValue<string>()).Order());
        Assert.All(changes, c =>
        {
            Assert.False(c["on"]!.GetValue<bool>());
            Assert.Equal(app.Clock.GetUtcNow().UtcDateTime, c["at"]!.GetValue<DateTime>(), TimeSpan.FromSeconds(1));
            Assert.False(string.IsNullOrEmpty(c["userName"]?.GetValue<string>()));
        });
        // Saving the same modules again changes nothing and records nothing.
        Assert.Equal(2, (await SetModulesAsync(hall.Id, "cases", "inquiries", "complaints", "multiStepVisits"))["changes"]!.AsArray().Count);

        var listed = (await app.Api().GetOkAsync<List<JsonObject>>("/api/halls")).Single(h => h["id"]!.GetValue<Guid>() == hall.Id);
        Assert.Equal(["cases", "inquiries", "complaints", "multiStepVisits"], listed["modules"]!.AsArray().Select(m => m!.GetValue<string>()));
    }

    [Fact]
    public async Task SetModules_BadInput_RefusedWithAProblem_NothingChanged()
    {
        var hall = await TestHall.CreateAsync(app);
        await Expect.ProblemAsync(await Admin.PutAsync($"/api/admin/halls/{hall.Id}/modules", new { modules = (string[]?)null }),
            HttpStatusCode.BadRequest);
        await Expect.ProblemAsync(await Admin.PutAsync($"/api/admin/halls/{hall.Id}/modules", new { modules = new[] { "guides", "parking" } }),
            HttpStatusCode.BadRequest);
        await Expect.ProblemAsync(await app.Api(hall.Supervisor).PutAsync($"/api/admin/halls/{hall.Id}/modules", new { modules = Array.Empty<string>() }),
            HttpStatusCode.Forbidden);
        Assert.Equal(6, (await Admin.GetOkAsync<JsonObject>($"/api/admin/halls/{hall.Id}/modules"))["modules"]!.AsArray().Count);
    }

    [Theory]
    [InlineData(HallKind.Government, "government")]
    [InlineData(HallKind.Hospital, "hospital")]
    [InlineData(HallKind.TicketOffice, "ticketOffice")]
    [InlineData(HallKind.PropertyDesk, "propertyDesk")]
    public async Task CreateHall_OfAKind_UsesItsTemplatesModules(HallKind kind, string json)
    {
        var hallId = (await Admin.PostOkAsync<JsonObject>("/api/admin/halls", new { name = $"{json} {Guid.NewGuid():N}"[..28], kind = json }))["id"]!
            .GetValue<Guid>();
        var modules = (await Admin.GetOkAsync<JsonObject>($"/api/admin/halls/{hallId}/modules"))["modules"]!.AsArray()
            .Select(m => Enum.Parse<HallModule>(m!.GetValue<string>(), ignoreCase: true));
        Assert.Equal(HallTemplates.For(kind).Modules.Order(), modules.Order());
    }

    [Fact]
    public async Task ScanDeadlines_InquiriesOff_RaisesNoOverdueAlert_AndClearsTheOpenOne()
    {
        var hall = await TestHall.CreateAsync(app);
        await app.Api(hall.Staff[0]).PostOkAsync<JsonObject>($"/api/halls/{hall.Id}/inquiries",
            new { question = "社保转移要多久", channel = "phone", contact = "13800000002", promisedReplyAt = app.Clock.GetUtcNow().UtcDateTime.AddHours(1) });
        app.Clock.Advance(TimeSpan.FromHours(2));
        await ScanAsync(hall.Id);
        Assert.True(await OpenInquiryAlertAsync(hall.Id));

        await SetModulesAsync(hall.Id, "guides", "cases", "complaints", "multiStepVisits", "appointments");
        await ScanAsync(hall.Id);
        Assert.False(await OpenInquiryAlertAsync(hall.Id));
    }

    private async Task ScanAsync(Guid hallId)
    {
        using var scope = app.Services.CreateScope();
        await scope.ServiceProvider.GetRequiredService<ScanDeadlines>().HandleAsync(hallId, CancellationToken.None);
    }

    private Task<bool> OpenInquiryAlertAsync(Guid hallId) =>
        app.WithDbAsync(db => db.Alerts.AnyAsync(a => a.HallId == hallId && a.Kind == AlertKind.InquiryOverdue && a.ClearedAt == null));
}

public sealed class SqliteHallModulesTests(SqliteHallApp app) : HallModulesTests(app), IClassFixture<SqliteHallApp>;

public sealed class PostgresHallModulesTests(PostgresHallApp app) : HallModulesTests(app), IClassFixture<PostgresHallApp>;
