using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ServiceHall.IntegrationTests.Infrastructure;

namespace ServiceHall.IntegrationTests.Features.Guides;

public abstract class ServiceGuideTests(HallApp app)
{
    public static object Guide(string timeLimitClass = "promised", int? promisedDays = 3, object[]? materials = null) => new
    {
        itemType = "行政许可", legalBasis = "《市场主体登记管理条例》", implementingBody = "区市场监督管理局",
        timeLimitClass, statutoryDays = 20, promisedDays, pickupAfterWorkingDays = 1,
        acceptanceConditions = "材料齐全、符合法定形式", processSteps = new[] { "提交材料", "窗口受理", "审查", "领取" },
        fees = "", feeBasis = "", location = "一楼 A 区", consultPhone = "0571-88000000", supervisePhone = "12345",
        specialNotes = "复印件须用 A4 纸。",
        questions = new[] { new { question = "可以代办吗？", answer = "可以，须提交授权委托书。" } },
        materials = materials ?? new object[]
        {
            new { name = "申请书", issuer = "申请人", originals = 1, copies = 0, isRequired = true, notes = "签字" },
            new { name = "身份证", issuer = "公安机关", originals = 1, copies = 1, isRequired = true, notes = "" },
            new { name = "授权委托书", issuer = "申请人", originals = 1, copies = 0, isRequired = false, notes = "代办时提交" },
        },
    };

    public static async Task<JsonObject> PutGuideAsync(HallApp app, Guid hallId, Guid itemId, object? guide = null)
    {
        var admin = app.Api("admin");
        await admin.SignInAsync();
        var response = await admin.Http.PutAsJsonAsync($"/api/halls/{hallId}/service-items/{itemId}/guide", guide ?? Guide(), ApiClient.Json);
        await Expect.StatusAsync(response, HttpStatusCode.OK);
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!;
    }

    [Fact]
    public async Task Put_ThenPublicGet_EveryField()
    {
        var hall = await TestHall.CreateAsync(app);
        var before = await app.Api().GetOkAsync<JsonObject>($"/api/halls/{hall.Id}/service-items/{hall.Item("A")}/guide");
        Assert.False(before["published"]!.GetValue<bool>());
        Assert.Equal("事项 A", before["itemName"]!.GetValue<string>());

        await PutGuideAsync(app, hall.Id, hall.Item("A"));
        var guide = await app.Api().GetOkAsync<JsonObject>($"/api/halls/{hall.Id}/service-items/{hall.Item("A")}/guide");
        Assert.True(guide["published"]!.GetValue<bool>());
        Assert.Equal("promised", guide["timeLimitClass"]!.GetValue<string>());
        Assert.Equal(3, guide["promisedDays"]!.GetValue<int>());
        Assert.Equal(20, guide["statutoryDays"]!.GetValue<int>());
        Assert.Equal("区市场监督管理局", guide["implementingBody"]!.GetValue<string>());
        Assert.Equal(4, guide["processSteps"]!.AsArray().Count);
        Assert.Equal("可以代办吗？", guide["questions"]![0]!["question"]!.GetValue<string>());
        var materials = guide["materials"]!.AsArray();
        Assert.Equal(["申请书", "身份证", "授权委托书"], materials.Select(m => m!["name"]!.GetValue<string>()));
        Assert.False(materials[2]!["isRequired"]!.GetValue<bool>());
        Assert.Equal(1, materials[1]!["copies"]!.GetValue<int>());
        Assert.Equal(2, guide["counters"]!.AsArray().Count);
        Assert.Equal("综合", guide["departmentName"]!.GetValue<string>());
    }

    [Fact]
    public async Task Put_MaterialLeftOut_RetiredAndIdsKept()
    {
        var hall = await TestHall.CreateAsync(app);
        var first = await PutGuideAsync(app, hall.Id, hall.Item("A"));
        var kept = first["materials"]![1]!["id"]!.GetValue<Guid>();
        var second = await PutGuideAsync(app, hall.Id, hall.Item("A"), Guide(materials:
        [
            new { id = kept, name = "身份证", issuer = "公安机关", originals = 1, copies = 2, isRequired = true, notes = "" },
        ]));
        var material = Assert.Single(second["materials"]!.AsArray())!;
        Assert.Equal(kept, material["id"]!.GetValue<Guid>());
        Assert.Equal(2, material["copies"]!.GetValue<int>());
    }

    public static TheoryData<object, string, string> BadGuides() => new()
    {
        { new { promisedDays = 3 }, "timeLimitClass", "Required" },
        { Guide("promised", 0), "promisedDays", "OutOfRange" },
        { Guide("immediate", 3), "promisedDays", "OutOfRange" },
        { Guide("promised", 30), "promisedDays", "PromiseLongerThanStatutory" },
        { Guide(materials: [new { name = "", originals = 1, copies = 0, isRequired = true }]), "materials[0].name", "Required" },
        { Guide(materials: [new { name = "申请书", originals = 0, copies = 0, isRequired = true }]), "materials[0].copies", "MaterialNeedsCopies" },
        { Guide(materials: [new { name = "申请书", originals = 1, copies = 0, isRequired = true }, new { name = "申请书", originals = 1, copies = 0, isRequired = true }]), "materials[1].name", "MaterialDuplicate" },
        { Guide(materials: [new { id = Guid.NewGuid(), name = "申请书", originals = 1, copies = 0, isRequired = true }]), "materials[0].id", "MaterialNotFound" },
        { Guide(materials: [new { name = "申请书", originals = 21, copies = 0, isRequired = true }]), "materials[0].originals", "OutOfRange" },
    };

    [Theory]
    [MemberData(nameof(BadGuides))]
    public async Task Put_Invalid_ProblemWithField(object guide, string field, string code)
    {
        var hall = await TestHall.CreateAsync(app);
        var admin = app.Api("admin");
        await admin.SignInAsync();
        var response = await admin.Http.PutAsJsonAsync($"/api/halls/{hall.Id}/service-items/{hall.Item("A")}/guide", guide, ApiClient.Json);
        var problem = await Expect.ProblemAsync(response, HttpStatusCode.BadRequest, code);
        Assert.NotNull(problem["errors"]![field]);
    }

    [Theory]
    [InlineData(null, HttpStatusCode.Unauthorized)]
    [InlineData("staff1", HttpStatusCode.Forbidden)]
    [InlineData("supervisor", HttpStatusCode.Forbidden)]
    public async Task Put_NotAdmin_Refused(string? user, HttpStatusCode status)
    {
        var hall = await TestHall.CreateAsync(app);
        var api = app.Api(user);
        await api.SignInAsync();
        var response = await api.Http.PutAsJsonAsync($"/api/halls/{hall.Id}/service-items/{hall.Item("A")}/guide", Guide(), ApiClient.Json);
        Assert.Equal(status, response.StatusCode);
    }

    [Fact]
    public async Task Get_ItemOfAnotherHall_NotFound()
    {
        var hall = await TestHall.CreateAsync(app);
        var other = await TestHall.CreateAsync(app);
        var response = await app.Api().GetAsync($"/api/halls/{other.Id}/service-items/{hall.Item("A")}/guide");
        await Expect.ProblemAsync(response, HttpStatusCode.NotFound, "ServiceItemNotFound");
    }

    [Fact]
    public async Task Page_PrintableInBothLanguages()
    {
        var hall = await TestHall.CreateAsync(app);
        await PutGuideAsync(app, hall.Id, hall.Item("A"));
        var zh = await app.Api().GetAsync($"/guide/{hall.Id}/{hall.Item("A")}");
        await Expect.StatusAsync(zh, HttpStatusCode.OK);
        Assert.Equal("text/html", zh.Content.Headers.ContentType?.MediaType);
        var html = await zh.Content.ReadAsStringAsync();
        Assert.Contains("办事指南", html);
        Assert.Contains("授权委托书", html);
        Assert.Contains("承诺件：3 个工作日", html);
        // A4 print styles come from the document stylesheet (no inline style under the CSP).
        Assert.Contains("<link rel=\"stylesheet\" href=\"/public/printable.css\">", html);
        Assert.Contains("@page { size: A4", await (await app.Api().GetAsync("/public/printable.css")).Content.ReadAsStringAsync());
        var en = await (await app.Api().GetAsync($"/guide/{hall.Id}/{hall.Item("A")}?lang=en")).Content.ReadAsStringAsync();
        Assert.Contains("Service guide", en);
        Assert.Contains("Promised: 3 working days", en);
    }
}

public sealed class SqliteServiceGuideTests(SqliteHallApp app) : ServiceGuideTests(app), IClassFixture<SqliteHallApp>;

public sealed class PostgresServiceGuideTests(PostgresHallApp app) : ServiceGuideTests(app), IClassFixture<PostgresHallApp>;
