using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using ServiceHall.Core.Features.Counters;
using ServiceHall.IntegrationTests.Infrastructure;
using static ServiceHall.IntegrationTests.Features.Assessment.AssessmentMonth;

namespace ServiceHall.IntegrationTests.Features.Assessment;

/// <summary>
/// The printed monthly report of a department lists the staff who worked for it — who sat at one of its counters in the
/// month — with their own scores, and says so in a footnote.
/// </summary>
public abstract class DepartmentReportTests(HallApp app)
{
    [Fact]
    public async Task Report_ListsStaffWhoSatAtItsCounters_WithTheirScores_AndTheRuleInAFootnote()
    {
        var m = await CreateAsync(app);
        var (c1, c2) = (m.Hall.Counters[0], m.Hall.Counters[1]);
        await app.WithDbAsync(async db =>
        {
            // Counter 1 is the department's; counter 2 is no department's. Staff 1 sat at counter 1 in October; staff 2 at
            // counter 2 in October and at counter 1 only on 30 September.
            (await db.Counters.SingleAsync(c => c.Id == c1)).DepartmentId = m.Department;
            CounterSession Session(Guid counter, Guid user, DateTime opened, DateTime closed) => new()
            {
                Id = Guid.CreateVersion7(), HallId = m.Hall.Id, CounterId = counter, UserId = user, OpenedAt = opened, ClosedAt = closed,
            };
            db.CounterSessions.AddRange(Session(c1, m.Staff1, At(12, 8, 50), At(12, 17, 0)),
                Session(c2, m.Staff2, At(13, 8, 50), At(13, 17, 0)),
                Session(c1, m.Staff2, At(1, 8, 50).AddDays(-1), At(1, 8, 50).AddDays(-1).AddHours(8)));
            await db.SaveChangesAsync();
        });
        var supervisor = app.Api(m.Hall.Supervisor);
        var scores = await supervisor.GetOkAsync<JsonObject>($"/api/halls/{m.Hall.Id}/assessment?{Query}&scope=staff");
        var one = scores["rows"]!.AsArray().Single(r => r!["unitId"]!.GetValue<Guid>() == m.Staff1)!;
        var url = $"/supervision/assessment/report?hallId={m.Hall.Id}&{Query}&departmentId={m.Department}";

        var response = await supervisor.GetAsync(url, "zh-CN");
        await Expect.StatusAsync(response, HttpStatusCode.OK);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("本部门工作人员", html);
        var zh = CultureInfo.GetCultureInfo("zh-CN");
        string N(string name) => one[name]!.GetValue<double>().ToString("0.#", zh);
        Assert.Contains($"<tr><td class=\"n\">{one["rank"]}</td><td>{m.Hall.Staff[0]}</td><td class=\"n\">9001</td><td class=\"n\">{N("indicatorScore")}</td>"
            + $"<td class=\"n\">{one["manualPoints"]!.GetValue<double>().ToString("+0.#;-0.#;0", zh)}</td><td class=\"n\">{N("total")}</td></tr>", html);
        Assert.DoesNotContain(m.Hall.Staff[1], html);
        Assert.Contains("本月在本部门窗口签到上岗过的人员", html);

        var english = await (await supervisor.GetAsync(url + "&lang=en")).Content.ReadAsStringAsync();
        Assert.Contains("The department&#39;s staff", english);
        Assert.Contains("signed in at one of its counters this month", english);
    }
}

public sealed class SqliteDepartmentReportTests(SqliteHallApp app) : DepartmentReportTests(app), IClassFixture<SqliteHallApp>;

public sealed class PostgresDepartmentReportTests(PostgresHallApp app) : DepartmentReportTests(app), IClassFixture<PostgresHallApp>;
