using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ServiceHall.Core.Features.Devices;
using ServiceHall.Core.Features.Halls;
using ServiceHall.IntegrationTests.Features.Cases;
using ServiceHall.IntegrationTests.Features.Standards;
using ServiceHall.IntegrationTests.Features.Supervision;
using ServiceHall.IntegrationTests.Infrastructure;

namespace ServiceHall.IntegrationTests.Security;

/// <summary>
/// Halls apart and least privilege (P1, P2, ADR-017), generated from the app's endpoint list and
/// docs/security/route-roles.md: a route missing from the table fails, and every route called as every role
/// of hall A, against hall A's resources and hall B's, must refuse whatever the table does not allow.
/// </summary>
public abstract partial class RouteRoleTests(HallApp app)
{
    public static readonly string[] AllRoles = ["anonymous", "kiosk", "display", "pad", "staff", "supervisor", "admin", "integrator"];

    /// <summary>Bodies for routes that decide after reading them (a device's job, the hall named in the body).</summary>
    private static readonly Dictionary<string, string> SampleBodies = new()
    {
        ["POST /api/halls/{hallId:guid}/tickets"] = """{"serviceItemId":"{itemId}","priority":"normal"}""",
        ["POST /api/tickets/{ticketId:guid}/rating"] = """{"level":"veryDissatisfied"}""",
        ["POST /api/conduct/check"] = """{"hallId":"{hallId}","text":"您好，请坐。再见"}""",
        ["POST /api/halls/{hallId:guid}/complaints/online"] = """{"channel":"online","title":"排队太久","content":"等了一个小时","anonymous":true,"subject":"hall"}""",
    };

    public sealed record RouteRow(string Methods, string Pattern, string[] Roles, bool HallScoped)
    {
        public string Key => $"{Methods} {Pattern}";

        public bool Allows(string role, bool ownHall) =>
            (Roles.Contains("anyone") || Roles.Contains(role))
            && (ownHall || !HallScoped || role is "admin" or "anonymous");
    }

    public static List<RouteRow> ReadTable()
    {
        var file = Path.Combine(RepositoryRoot(), "docs", "security", "route-roles.md");
        var rows = new List<RouteRow>();
        foreach (var line in File.ReadLines(file))
        {
            var match = RowPattern().Match(line);
            if (!match.Success)
                continue;
            var roles = match.Groups["roles"].Value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
            Assert.All(roles, r => Assert.True(r == "anyone" || AllRoles.Contains(r), $"Unknown role '{r}' in: {line}"));
            rows.Add(new RouteRow(match.Groups["methods"].Value.Replace(" ", ""), match.Groups["pattern"].Value, roles,
                match.Groups["hall"].Value == "yes"));
        }
        return rows;
    }

    [GeneratedRegex(@"^\|\s*(?<methods>[A-Z*][A-Z, *]*?)\s*\|\s*`(?<pattern>[^`]+)`\s*\|(?<roles>[^|]+)\|\s*(?<hall>yes|no)\s*\|\s*$")]
    private static partial Regex RowPattern();

    private static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "ServiceHall.slnx")))
            dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("The repository root is not above the test binaries.");
    }

    /// <summary>The app's routes as the table names them; static files and the framework's own endpoints have no display name.</summary>
    private List<(string Key, string Methods, string Pattern)> AppRoutes() =>
        app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => !string.IsNullOrEmpty(e.DisplayName))
            .Select(e =>
            {
                var methods = e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods is { Count: > 0 } m ? string.Join(",", m) : "*";
                var pattern = e.RoutePattern.RawText ?? "";
                return ($"{methods} {pattern}", methods, pattern);
            })
            .Distinct().ToList();

    [Fact]
    public void EveryRoute_HasItsRowInTheRoleTable()
    {
        var table = ReadTable().Select(r => r.Key).ToList();
        var duplicates = table.GroupBy(k => k).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        Assert.True(duplicates.Count == 0, "Rows twice in docs/security/route-roles.md:\n" + string.Join("\n", duplicates));
        var routes = AppRoutes().Select(r => r.Key).ToHashSet();
        var missing = routes.Where(r => !table.Contains(r)).Order().ToList();
        Assert.True(missing.Count == 0, "Routes missing from docs/security/route-roles.md (method pattern):\n" + string.Join("\n", missing));
        var stale = table.Where(r => !routes.Contains(r)).ToList();
        Assert.True(stale.Count == 0, "Rows of docs/security/route-roles.md naming no route:\n" + string.Join("\n", stale));
    }

    /// <summary>A hall with one account of every role and one resource of every kind a route names.</summary>
    private sealed record SeededHall(Guid Id, Dictionary<string, string?> Accounts, Dictionary<string, string> Values);

    private async Task<SeededHall> SeedHallAsync()
    {
        // A hall with a guide, staff[0] serving a ticket at counter 1, and a case registered on it.
        var served = await CaseFlowTests.ServeAsync(app);
        var hall = served.Hall;
        var caseView = await CaseFlowTests.RegisterAsync(served);
        await served.Staff.ActAsync(hall.Counters[0], served.Ticket.Id, "finish");
        var pad = await TestDevices.AddAsync(app, hall.Id, DeviceKind.RatingPad, hall.Counters[0]);
        var display = await TestDevices.AddAsync(app, hall.Id, DeviceKind.Display);
        // A spare device and a spare account: the admin routes that would revoke or lock act on these.
        await TestDevices.AddAsync(app, hall.Id, DeviceKind.Kiosk);
        var staff = app.Api(hall.Staff[0]);
        var supervisor = app.Api(hall.Supervisor);

        var rating = await app.Api(pad).PostOkAsync<JsonObject>($"/api/tickets/{served.Ticket.Id}/rating", new { level = "veryDissatisfied" });
        var inquiry = await staff.PostOkAsync<JsonObject>($"/api/halls/{hall.Id}/inquiries", new { question = "营业时间？", channel = "onSite", answer = "九点" });
        var complaint = await SupervisionFlows.JsonAsync(await staff.PostAsync($"/api/halls/{hall.Id}/complaints", new
        {
            channel = "phone", title = "办事时间过长", content = "等了一个小时", anonymous = true, subject = "hall",
        }), HttpStatusCode.Created);
        var gift = await SupervisionFlows.JsonAsync(await staff.PostAsync("/api/gifts", new
        {
            giver = "某企业", description = "茶叶一盒", estimatedValue = 100m, receivedOn = app.Today.ToString("yyyy-MM-dd"), handling = "handedIn",
        }), HttpStatusCode.Created);
        await supervisor.PostOkAsync<JsonObject>("/api/conduct/check",
            new { hallId = hall.Id, text = "你好，什么事？这个我也不知道，这不歸我管！下一位。", staffUserId = await TestHall.UserIdAsync(app, hall.Staff[0]) });
        var phrases = await supervisor.GetOkAsync<JsonArray>($"/api/halls/{hall.Id}/conduct/phrases");

        var complaintId = complaint["id"]!.GetValue<Guid>();
        var ids = await app.WithDbAsync(async db => new
        {
            FollowUp = await db.RatingFollowUps.Where(f => f.HallId == hall.Id).Select(f => f.Id).FirstAsync(),
            Check = await db.ConductChecks.Where(c => c.HallId == hall.Id).Select(c => c.Id).FirstAsync(),
            Finding = await db.ConductFindings.Where(f => f.HallId == hall.Id).Select(f => f.Id).FirstAsync(),
            Department = await db.Departments.Where(d => d.HallId == hall.Id).Select(d => d.Id).FirstAsync(),
            Device = await db.Devices.Where(d => d.HallId == hall.Id && d.Kind == DeviceKind.Kiosk).OrderByDescending(d => d.Id).Select(d => d.Id).FirstAsync(),
            Tracking = await db.Complaints.Where(c => c.Id == complaintId).Select(c => c.TrackingCode).FirstAsync(),
        });
        var card = await StandardCardSeed.AddAsync(app, hall.Id, hall.Counters[0], await TestHall.UserIdAsync(app, hall.Staff[0]));
        var integrator = await Features.Appointments.AppointmentFlows.IntegratorAsync(app, hall.Id);
        var (slotId, bookingId) = await Features.Appointments.AppointmentSeed.AddAsync(app, hall, integrator);
        var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
        {
            ["hallId"] = hall.Id.ToString(),
            ["ticketId"] = served.Ticket.Id.ToString(),
            ["counterId"] = hall.Counters[0].ToString(),
            ["caseId"] = caseView["id"]!.GetValue<Guid>().ToString(),
            ["inquiryId"] = inquiry["id"]!.GetValue<Guid>().ToString(),
            ["complaintId"] = complaintId.ToString(),
            ["trackingCode"] = ids.Tracking.ToString(),
            ["ratingId"] = rating["id"]!.GetValue<Guid>().ToString(),
            ["followUpId"] = ids.FollowUp.ToString(),
            ["giftId"] = gift["id"]!.GetValue<Guid>().ToString(),
            ["cardId"] = card.ToString(),
            ["checkId"] = ids.Check.ToString(),
            ["findingId"] = ids.Finding.ToString(),
            ["phraseId"] = phrases[0]!["id"]!.GetValue<Guid>().ToString(),
            ["deviceId"] = ids.Device.ToString(),
            ["userId"] = (await TestHall.UserIdAsync(app, hall.Staff[1])).ToString(),
            ["departmentId"] = ids.Department.ToString(),
            ["itemId"] = hall.Item("A").ToString(),
            ["slotId"] = slotId.ToString(),
            ["bookingId"] = bookingId.ToString(),
            ["categoryId"] = (await app.WithDbAsync(db => db.Set<Core.Features.Priorities.PriorityCategory>()
                .Where(c => c.HallId == hall.Id).Select(c => c.Id).FirstAsync())).ToString(),
            ["noticeId"] = Guid.NewGuid().ToString(),
            ["pauseId"] = Guid.NewGuid().ToString(),
            ["alertId"] = Guid.NewGuid().ToString(),
            ["date"] = app.Today.ToString("yyyy-MM-dd"),
            ["year"] = app.Today.Year.ToString(),
            ["month"] = app.Today.Month.ToString(),
            ["documentName"] = "v1",
            ["path"] = "favicon.svg",
        };
        var accounts = new Dictionary<string, string?>
        {
            ["anonymous"] = null, ["kiosk"] = hall.Kiosk, ["display"] = display, ["pad"] = pad, ["staff"] = hall.Staff[0],
            ["supervisor"] = hall.Supervisor, ["admin"] = "admin", ["integrator"] = integrator,
        };
        return new SeededHall(hall.Id, accounts, values);
    }

    [Fact]
    public async Task EveryRoute_AsEveryRole_OfThisHallAndAnother_RefusesWhatTheTableDoesNotAllow()
    {
        var a = await SeedHallAsync();
        var b = await SeedHallAsync();
        var table = ReadTable().ToDictionary(r => r.Key);
        var routes = AppRoutes().Where(r => table.ContainsKey(r.Key)).ToList();
        var failures = new List<string>();
        var calls = 0;
        foreach (var role in AllRoles)
        {
            using var client = await ClientAsync(a.Accounts[role]);
            foreach (var route in routes)
            {
                var row = table[route.Key];
                foreach (var target in new[] { a, b })
                {
                    if (row.Allows(role, ownHall: target == a))
                        continue;
                    calls++;
                    var (url, body) = Request(route.Pattern, route.Key, target);
                    var method = route.Methods == "*" ? "POST" : route.Methods.Split(',')[0];
                    using var request = new HttpRequestMessage(new HttpMethod(method), url);
                    if (body is not null)
                        request.Content = new StringContent(body, Encoding.UTF8, "application/json");
                    using var response = await client.SendAsync(request);
                    if (!IsRefusal(response))
                        failures.Add($"{role} of hall A → {method} {url} ({(target == a ? "hall A" : "hall B")}): " +
                            $"{(int)response.StatusCode} {Short(await response.Content.ReadAsStringAsync())}");
                }
            }
        }
        Assert.True(calls > 500, $"Only {calls} calls: the table or the seed lost most routes.");
        Assert.True(failures.Count == 0, $"{failures.Count} of {calls} calls were not refused:\n" + string.Join("\n", failures));
    }

    /// <summary>401, 403, or a page sending the browser to sign in or to access-denied.</summary>
    private static bool IsRefusal(HttpResponseMessage response) =>
        response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden
        || (response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location?.OriginalString is { } to
            && (to.Contains("/login") || to.Contains("/access-denied")));

    private static string Short(string text) => text.Length > 200 ? text[..200] : text;

    private static (string Url, string? Body) Request(string pattern, string key, SeededHall hall)
    {
        var url = RouteParameter().Replace(pattern, m =>
        {
            var name = m.Groups["name"].Value;
            Assert.True(hall.Values.TryGetValue(name, out var value),
                $"No sample value for route parameter '{name}' of {pattern}: add one to RouteRoleTests.SeedHallAsync.");
            return value!;
        });
        if (!url.StartsWith('/'))
            url = "/" + url;
        string? body = null;
        var method = key.Split(' ')[0];
        if (SampleBodies.TryGetValue(key, out var sample))
            body = RouteParameter().Replace(sample, m => hall.Values[m.Groups["name"].Value]);
        else if (method is "POST" or "PUT" or "PATCH" or "*")
            body = "{}";
        return (url, body);
    }

    [GeneratedRegex(@"\{\**(?<name>[A-Za-z]+)[^}]*\}")]
    private static partial Regex RouteParameter();

    private async Task<HttpClient> ClientAsync(string? userName)
    {
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        if (userName is null)
            return client;
        var response = await client.PostAsJsonAsync("/api/auth/login", new { userName, password = SeedDemoHall.DemoPassword });
        response.EnsureSuccessStatusCode();
        var token = (await response.Content.ReadFromJsonAsync<JsonObject>())!["accessToken"]!.GetValue<string>();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }
}

public sealed class SqliteRouteRoleTests(SqliteHallApp app) : RouteRoleTests(app), IClassFixture<SqliteHallApp>;

public sealed class PostgresRouteRoleTests(PostgresHallApp app) : RouteRoleTests(app), IClassFixture<PostgresHallApp>;
