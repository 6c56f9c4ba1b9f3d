using System.Globalization;
using Microsoft.Extensions.Localization;
using ServiceHall.Core;
using ServiceHall.Core.Data;
using ServiceHall.Core.Features.Alerts;
using ServiceHall.Core.Features.Cases;
using ServiceHall.Core.Features.Complaints;
using ServiceHall.Core.Features.Halls;
using ServiceHall.Core.Features.Inquiries;
using ServiceHall.Core.Features.Ratings;
using ServiceHall.Core.Features.Statistics;
using ServiceHall.Web.Features.Supervision;
using ServiceHall.Web.Identity;
using ServiceHall.Web.Infrastructure.Spreadsheets;
using ServiceHall.Web.Localization;

namespace ServiceHall.Web.Features.Statistics;

/// <summary>
/// The statistics pages' xlsx exports (one spreadsheet writer, ADR-020): in the request's language, times in the hall's zone.
/// Each reads and checks everything that may refuse the request before the first byte is written.
/// </summary>
public static class StatisticsExports
{
    public static void MapStatisticsExports(this RouteGroupBuilder api)
    {
        api.MapGet("/complaints/export", ComplaintsAsync).WithName("ExportComplaintStatistics");
        api.MapGet("/alerts/export", AlertsAsync).WithName("ExportAlertHistory");
        api.MapGet("/satisfaction/export", SatisfactionAsync).WithName("ExportSatisfactionFigures");
        api.MapGet("/inquiries/export", InquiriesAsync).WithName("ExportInquiryReport");
        api.MapGet("/overdue-cases/export", OverdueCasesAsync).WithName("ExportOverdueCases");
    }

    private static async Task<XlsxResult> ComplaintsAsync(Guid hallId, DateOnly? from, DateOnly? to, GetComplaintStatistics get, HallDbContext db,
        IStringLocalizer<StatisticsResource> t, IStringLocalizer<SupervisionResource> s, HttpContext http, CancellationToken ct)
    {
        var stats = await get.HandleAsync(hallId, http.User.UserId(), from, to, ct);
        var clock = new HallClock(stats.TimeZoneId);
        string Label(ComplaintCount c) => c.Dimension switch
        {
            ComplaintDimension.Channel => s[$"Channel_{Enum.Parse<ComplaintChannel>(c.Key, ignoreCase: true)}"],
            ComplaintDimension.Category => s[$"Category_{Enum.Parse<ComplaintCategory>(c.Key, ignoreCase: true)}"],
            ComplaintDimension.Subject => s[$"Subject_{Enum.Parse<ComplaintSubject>(c.Key, ignoreCase: true)}"],
            _ => c.Name ?? t["Unknown"],
        };
        XlsxSheet<ComplaintCount> Counts(string nameKey) => new XlsxSheet<ComplaintCount>(t, nameKey)
            .Text("Col_Dimension", 12, c => t[$"Dimension_{c.Dimension}"])
            .Text("Col_Name", 28, Label)
            .Integer("Col_Count", 10, c => c.Count)
            .Integer("Col_Previous", 10, c => c.Previous)
            .Text("Col_Trend", 10, c => t[$"Trend_{c.Trend}"]);
        var months = new XlsxSheet<ComplaintMonth>(t, "Complaints_ByMonth")
            .Text("Col_Month", 10, m => m.Month)
            .Integer("Series_Complaints", 10, m => m.Count)
            .Integer("Series_Replied", 10, m => m.Replied)
            .Integer("Series_Closed", 10, m => m.Closed);
        var list = new XlsxSheet<ComplaintStatisticsRow>(t, "Complaints_List")
            .Text("Col_Number", 18, r => r.Number)
            .Text("Col_Title", 30, r => r.Title)
            .Text("Dimension_Category", 12, r => s[$"Category_{r.Category}"])
            .Text("Dimension_Channel", 12, r => s[$"Channel_{r.Channel}"])
            .Text("Dimension_Subject", 24, r => r.SubjectName is { } n ? Punctuation.Labelled(s[$"Subject_{r.Subject}"], n) : s[$"Subject_{r.Subject}"])
            .Text("Col_Status", 10, r => s[$"Status_{r.Status}"])
            .Text("Col_Counted", 10, r => r.Counted ? "" : s[$"Disposition_{r.Disposition}"])
            .LocalDateTime("Col_RegisteredAt", 17, r => r.RegisteredAt);
        List<ComplaintCount> breakdowns = [.. stats.ByCategory, .. stats.ByChannel, .. stats.BySubject, .. stats.ByDepartment, .. stats.ByCounter,
            .. stats.ByStaff, .. stats.ByItem];
        return new XlsxResult($"{t["Complaints_Title"]} {Iso(stats.From)}–{Iso(stats.To)}", clock, async (book, token) =>
        {
            await book.AddSheetAsync(Counts("Complaints_HotspotsSheet"), stats.Hotspots, token);
            await book.AddSheetAsync(Counts("Complaints_BreakdownSheet"), breakdowns, token);
            await book.AddSheetAsync(months, stats.ByMonth, token);
            await book.AddSheetAsync(list, stats.Complaints, token);
        });
    }

    private static async Task<XlsxResult> AlertsAsync(Guid hallId, DateOnly? from, DateOnly? to, string? kind, Guid? serviceItemId, Guid? counterId,
        GetAlertHistory get, IStringLocalizer<StatisticsResource> t, HttpContext http, CancellationToken ct)
    {
        var (header, rows) = await get.ExportAsync(hallId, http.User.UserId(), from, to,
            new AlertHistoryFilter(QueryEnum.Parse<AlertKind>(kind, "kind"), serviceItemId, counterId), ct);
        var sheet = new XlsxSheet<AlertHistoryRow>(t, "Alerts_Title")
            .Text("Alerts_Kind", 18, a => t[$"AlertKind_{a.Kind}"])
            .Text("Col_Item", 20, a => a.ServiceItemName ?? "")
            .Integer("Col_Counter", 8, a => a.CounterNumber)
            .Integer("Alerts_ValueColumn", 10, a => a.Value)
            .Integer("Alerts_ThresholdColumn", 10, a => a.Threshold)
            .LocalDateTime("Alerts_RaisedAt", 17, a => a.RaisedAt)
            .LocalDateTime("Alerts_ClearedAt", 17, a => a.ClearedAt)
            .Minutes("Alerts_DurationMinutes", 12, a => a.DurationMinutes)
            .Text("Alerts_AcknowledgedBy", 16, a => a.AcknowledgedBy)
            .LocalDateTime("Alerts_AcknowledgedAt", 17, a => a.AcknowledgedAt);
        return new XlsxResult($"{sheet.Name} {Iso(header.From)}–{Iso(header.To)}", new HallClock(header.TimeZoneId),
            (book, token) => book.AddSheetAsync(sheet, rows, token));
    }

    private static async Task<XlsxResult> SatisfactionAsync(Guid hallId, DateOnly? from, DateOnly? to, string? by, GetSatisfactionByMonth byMonth,
        GetSatisfactionFigures figures, HallDbContext db, IStringLocalizer<StatisticsResource> t, IStringLocalizer<SupervisionResource> s,
        HttpContext http, CancellationToken ct)
    {
        var period = StatisticsPeriod.Of(from, to);
        var grouping = QueryEnum.Parse<SatisfactionGrouping>(by, "by") ?? SatisfactionGrouping.Month;
        var reader = http.User.UserId();
        var rows = grouping == SatisfactionGrouping.Month
            ? (await byMonth.HandleAsync(hallId, reader, period.From, period.To, ct)).Select(m => (Name: m.Month, Figure: m.Figure)).ToList()
            : (await figures.HandleAsync(hallId, reader, period.From, period.To, (FigureGrouping)(int)grouping, ct))
                .Select(f => (Name: f.Name.Length > 0 ? f.Name : s["Figures_Unknown"].Value, Figure: f)).ToList();
        var sheet = new XlsxSheet<(string Name, SatisfactionFigure Figure)>(t, "Satisfaction_Title")
            .Text(grouping == SatisfactionGrouping.Month ? "Col_Month" : $"Satisfaction_By_{grouping}", 20, r => r.Name)
            .Integer("Satisfaction_Finished", 10, r => r.Figure.Finished)
            .Integer("Satisfaction_Total", 10, r => r.Figure.Total)
            .Percent("Satisfaction_GoodRate", 10, r => r.Figure.SatisfactionRate)
            .Percent("Satisfaction_ActiveGoodRate", 12, r => r.Figure.ActiveSatisfactionRate)
            .Percent("Satisfaction_UnratedRate", 10, r => r.Figure.UnratedRate)
            .Integer("Satisfaction_Bad", 8, r => r.Figure.Bad)
            .Percent("Satisfaction_CallbackRate", 12, r => r.Figure.CallbackRate)
            .Percent("Satisfaction_FollowUpRate", 12, r => r.Figure.FollowUpRate)
            .Percent("Satisfaction_FollowUpSatisfactionRate", 14, r => r.Figure.FollowUpSatisfactionRate)
            .Integer("Satisfaction_Excluded", 10, r => r.Figure.Excluded);
        var clock = await HallClock.ForHallAsync(db, hallId, ct);
        return new XlsxResult($"{sheet.Name} {Iso(period.From)}–{Iso(period.To)}", clock, (book, token) => book.AddSheetAsync(sheet, rows, token));
    }

    private static async Task<XlsxResult> InquiriesAsync(Guid hallId, int? days, GetInquiryReport get, HallDbContext db, TimeProvider time,
        IStringLocalizer<CasesResource> c, HttpContext http, CancellationToken ct)
    {
        var span = days ?? 30;
        if (span is < 1 or > StatisticsPeriod.MaxDays)
            throw DomainException.Invalid("days", ErrorCodes.OutOfRange, "days", 1, StatisticsPeriod.MaxDays);
        var now = time.GetUtcNow().UtcDateTime;
        var report = await get.HandleAsync(hallId, now.AddDays(-span), now, http.User.UserId(), ct);
        var clock = await HallClock.ForHallAsync(db, hallId, ct);
        var sheet = new XlsxSheet<InquiryOwnerFigures>(c, "InquiryReport_Title")
            .Text("InquiryReport_Owner", 18, o => Punctuation.WithDetail(o.OwnerName, o.BadgeNumber))
            .Integer("InquiryReport_Total", 8, o => o.Total)
            .Integer("InquiryReport_OnTheSpot", 10, o => o.AnsweredOnTheSpot)
            .Integer("InquiryReport_Promised", 10, o => o.Promised)
            .Integer("InquiryReport_OnTime", 10, o => o.RepliedOnTime)
            .Integer("InquiryReport_Late", 8, o => o.RepliedLate)
            .Integer("InquiryReport_Overdue", 8, o => o.OpenOverdue)
            .Integer("InquiryReport_Pending", 8, o => o.OpenPending)
            .Integer("InquiryReport_Forwarded", 8, o => o.Forwarded)
            .Percent("InquiryReport_Rate", 10, o => o.OnTimeReplyRate);
        return new XlsxResult($"{sheet.Name} {Iso(clock.BusinessDay(report.FromUtc))}–{Iso(clock.BusinessDay(report.ToUtc))}", clock,
            (book, token) => book.AddSheetAsync(sheet, report.Owners, token));
    }

    private static async Task<XlsxResult> OverdueCasesAsync(Guid hallId, ListOverdueCases list, HallDbContext db, TimeProvider time,
        IStringLocalizer<CasesResource> c, IStringLocalizer<SharedResource> shared, HttpContext http, CancellationToken ct)
    {
        var departments = await list.HandleAsync(hallId, http.User.UserId(), ct);
        var clock = await HallClock.ForHallAsync(db, hallId, ct);
        var rows = departments.SelectMany(d => d.Cases.Select(x => (Department: d.DepartmentName, Case: x))).ToList();
        var sheet = new XlsxSheet<(string Department, OverdueCase Case)>(c, "OverdueCases_Title")
            .Text("Doc_Department", 16, r => r.Department)
            .Text("Page_Number", 18, r => r.Case.Number)
            .Text("Page_Item", 24, r => r.Case.ItemName)
            .Text("Page_Applicant", 10, r => r.Case.ApplicantName)
            .Text("Page_Status", 10, r => shared[$"Enum_CaseStatus_{r.Case.Status}"])
            .LocalDate("Doc_DueDate", 12, r => r.Case.DueDate)
            .Integer("OverdueCases_DaysOverdue", 10, r => r.Case.DaysOverdue);
        return new XlsxResult($"{sheet.Name} {Iso(clock.BusinessDay(time.GetUtcNow().UtcDateTime))}", clock,
            (book, token) => book.AddSheetAsync(sheet, rows, token));
    }

    private static string Iso(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
