using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using ServiceHall.Core;
using ServiceHall.Core.Data;
using ServiceHall.Core.Features.Assessment;
using ServiceHall.Web.Features.Cases;
using ServiceHall.Web.Identity;
using ServiceHall.Web.Localization;

namespace ServiceHall.Web.Features.Assessment;

/// <summary>
/// The printed pages of the assessment (light A4 pages, print CSS, no menus): the monthly report per department with
/// signature lines, and the published ranking (公示) that anyone may open and the hall may post.
/// </summary>
public static class AssessmentPrintPages
{
    public static void MapAssessmentPrintPages(this WebApplication app)
    {
        app.MapGet("/supervision/assessment/report", ReportAsync).WithTags("Assessment").WithName("PrintAssessmentReport")
            .RequireAuthorization(IdentitySetup.SupervisorPolicy).ExcludeFromDescription();
        app.MapGet("/assessment/ranking/{hallId:guid}/{year:int}/{month:int}", RankingAsync).WithTags("Assessment").WithName("PrintAssessmentRanking")
            .AllowAnonymous().ExcludeFromDescription();
    }

    private static async Task<IResult> ReportAsync(HttpContext http, Guid? hallId, int? year, int? month, Guid? departmentId,
        GetDepartmentAssessment get, IStringLocalizer<AssessmentResource> t, CancellationToken ct)
    {
        PrintableHtml.ApplyLanguage(http);
        var report = await get.HandleAsync(hallId ?? throw DomainException.Required("hallId"), http.User.UserId(), year, month,
            departmentId ?? throw DomainException.Required("departmentId"), ct);
        var d = report.Department;
        var row = report.Row;
        var title = t["Report_Title", AssessmentText.Month(d.Year, d.Month)].Value;
        var html = new PrintableHtml()
            .Raw("<header>").Text("div", d.HallName, "hall").Text("h1", title).Raw("</header>")
            .Fields((t["Report_Department"], row.Name), (t["Report_Month"], AssessmentText.Month(d.Year, d.Month)),
                (t["Report_Status"], d.Closed ? t["Status_Closed", d.ClosedBy ?? ""] : t["Status_Open"]),
                (t["Col_Total"], AssessmentText.Number(row.Total)), (t["Col_Rank"], t["Report_Rank", row.Rank, d.Rows.Count]),
                (t["Col_AdjustedTotal"], row.AdjustedTotal is { } a ? AssessmentText.Number(a) : null))
            .Text("h2", t["Report_Indicators"])
            .Table([t["Col_Indicator"], t["Col_Figure"], t["Col_Points"], t["Col_Weight"], t["Col_Formula"]],
                row.Figures.Where(f => f.Applies).Select(f => new[]
                {
                    AssessmentText.Indicator(t, f.Indicator), AssessmentText.Figure(t, f), AssessmentText.Number(f.Points), f.Weight.ToString(),
                    AssessmentText.Formula(t, f.Indicator, d.ServedTargetPerDay),
                }), [0, 1, 2, 3])
            .Fields((t["Col_IndicatorScore"], AssessmentText.Number(row.IndicatorScore)), (t["Col_Manual"], AssessmentText.Signed(row.ManualPoints)))
            .Text("p", t["Formula_Total"]);
        if (report.Counters.Count > 0)
            html.Text("h2", t["Report_Counters"])
                .Table([t["Col_Rank"], t["Col_Name"], t["Col_IndicatorScore"], t["Col_Manual"], t["Col_Total"]],
                    report.Counters.Select(c => new[] { c.Rank.ToString(), c.Name, AssessmentText.Number(c.IndicatorScore), AssessmentText.Signed(c.ManualPoints),
                        AssessmentText.Number(c.AdjustedTotal ?? c.Total) }), [0, 2, 3, 4]);
        // Staff have no department: the report names who sat at its counters in the month, with their own scores.
        html.Text("h2", t["Report_Staff"]);
        if (report.Staff.Count > 0)
            html.Table([t["Col_Rank"], t["Col_Name"], t["Col_Badge"], t["Col_IndicatorScore"], t["Col_Manual"], t["Col_Total"]],
                report.Staff.Select(r => new[] { r.Rank.ToString(), r.Name, r.BadgeNumber ?? "", AssessmentText.Number(r.IndicatorScore),
                    AssessmentText.Signed(r.ManualPoints), AssessmentText.Number(r.AdjustedTotal ?? r.Total) }), [0, 2, 3, 4, 5]);
        else
            html.Text("p", t["Report_StaffNone"]);
        html.Text("p", t["Report_StaffNote"]);
        if (report.ManualItems.Count > 0)
            html.Text("h2", t["Manual_Title"])
                .Table([t["Col_Day"], t["Col_Name"], t["Col_Kind"], t["Col_Points"], t["Col_Reason"]],
                    report.ManualItems.Where(i => i.RemovedAt is null).Select(i => new[] { AssessmentText.Day(i.Day), i.UnitName, t[$"Kind_{i.Kind}"].Value,
                        AssessmentText.Signed(i.Points), i.Reason }), [3]);
        if (report.Adjustments.Count > 0)
            html.Text("h2", t["Adjustments_Title"])
                .Table([t["Col_Name"], t["Col_Points"], t["Col_Reason"], t["Col_RecordedBy"]],
                    report.Adjustments.Select(a => new[] { a.UnitName, AssessmentText.Signed(a.Points), a.Reason, a.RecordedBy }), [1]);
        html.Raw("<div class=\"signature\">")
            .Text("div", t["Sign_PreparedBy"]).Text("div", t["Sign_DepartmentHead"]).Text("div", t["Sign_Centre"])
            .Raw("</div>");
        return html.Page($"{d.HallName} {row.Name} {title}", t["Print"]);
    }

    private static async Task<IResult> RankingAsync(HttpContext http, Guid hallId, int year, int month, string? scope, GetPublishedRanking get,
        HallDbContext db, IStringLocalizer<AssessmentResource> t, CancellationToken ct)
    {
        PrintableHtml.ApplyLanguage(http);
        var which = Supervision.QueryEnum.Parse<AssessmentScope>(scope, "scope") ?? AssessmentScope.Staff;
        var title = t["Ranking_Title", AssessmentText.Month(year, month)].Value;
        PublishedRanking ranking;
        try
        {
            ranking = await get.HandleAsync(hallId, year, month, which, ct);
        }
        catch (DomainException e) when (e.Code == AssessmentErrors.NotPublished)
        {
            // A citizen or staff member who opens the posted address early gets the page, saying so, not an API error.
            var hall = await db.Halls.Where(h => h.Id == hallId).Select(h => new { h.Name, h.NameEn }).FirstAsync(ct);
            var hallName = Core.Features.Halls.LocalNames.Of(hall.Name, hall.NameEn);
            return new PrintableHtml()
                .Raw("<header>").Text("div", hallName, "hall").Text("h1", title).Raw("</header>")
                .Text("p", t["Ranking_NotPublished"], "strong")
                .Text("p", t["Ranking_Note"])
                .Page($"{hallName} {title}", t["Print"], StatusCodes.Status404NotFound);
        }
        var html = new PrintableHtml()
            .Raw("<header>").Text("div", ranking.HallName, "hall").Text("h1", title).Raw("</header>")
            .Text("p", t["Ranking_Scope", t[$"Scope_{which}"]])
            .Table(which == AssessmentScope.Staff ? [t["Col_Rank"], t["Col_Name"], t["Col_Badge"], t["Col_Total"]] : [t["Col_Rank"], t["Col_Name"], t["Col_Total"]],
                ranking.Rows.Select(r => which == AssessmentScope.Staff
                    ? new[] { r.Rank.ToString(), r.Name, r.BadgeNumber ?? "", AssessmentText.Number(r.Total) }
                    : [r.Rank.ToString(), r.Name, AssessmentText.Number(r.Total)]), which == AssessmentScope.Staff ? [0, 2, 3] : [0, 2])
            .Text("p", t["Ranking_Note"]);
        return html.Page($"{ranking.HallName} {title}", t["Print"]);
    }
}
