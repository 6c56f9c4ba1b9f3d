using System.Globalization;
using Microsoft.Extensions.Localization;
using ServiceHall.Core.Features.Assessment;
using ServiceHall.Core.Features.Halls;
using ServiceHall.Web.Features.Supervision;
using ServiceHall.Web.Identity;
using ServiceHall.Web.Infrastructure.Spreadsheets;
using ServiceHall.Web.Localization;

namespace ServiceHall.Web.Features.Assessment;

/// <summary>S7 (考核): the monthly scores, their records, weights, manual items, closing with adjustments, the published ranking and the export.</summary>
public static class AssessmentSetup
{
    public static void AddAssessment(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddScoped<ReadAssessmentFacts>();
        services.AddScoped<GetAssessment>();
        services.AddScoped<GetAssessmentRecords>();
        services.AddScoped<GetMyAssessment>();
        services.AddScoped<UpdateAssessmentWeights>();
        services.AddScoped<SetServedTarget>();
        services.AddScoped<RecordManualItem>();
        services.AddScoped<RemoveManualItem>();
        services.AddScoped<CloseAssessmentMonth>();
        services.AddScoped<RecordAssessmentAdjustment>();
        services.AddScoped<PublishAssessmentRanking>();
        services.AddScoped<GetPublishedRanking>();
        services.AddScoped<GetDepartmentAssessment>();
    }

    public static void MapAssessmentEndpoints(this WebApplication app)
    {
        var hall = app.MapGroup("/api/halls/{hallId:guid}/assessment").WithTags("Assessment").RequireAuthorization(IdentitySetup.SupervisorPolicy)
            .RequireHall().ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        hall.MapGet("/", (Guid hallId, int? year, int? month, string? scope, GetAssessment get, HttpContext http, CancellationToken ct) =>
                get.HandleAsync(hallId, http.User.UserId(), year, month, Scope(scope), ct))
            .WithName("GetAssessment");
        hall.MapGet("/records", (Guid hallId, int? year, int? month, string? scope, Guid? unitId, string? indicator, GetAssessmentRecords records,
                HttpContext http, CancellationToken ct) => records.HandleAsync(hallId, http.User.UserId(), year, month, Scope(scope),
                unitId ?? throw Core.DomainException.Required("unitId"), Indicator(indicator), ct))
            .WithName("GetAssessmentRecords");
        hall.MapGet("/weights", (Guid hallId, UpdateAssessmentWeights weights, HttpContext http, CancellationToken ct) =>
            weights.GetAsync(hallId, http.User.UserId(), ct)).WithName("GetAssessmentWeights");
        hall.MapPut("/weights", (Guid hallId, AssessmentWeightsRequest request, UpdateAssessmentWeights weights, HttpContext http, CancellationToken ct) =>
            weights.HandleAsync(hallId, http.User.UserId(), request, ct)).WithName("UpdateAssessmentWeights");
        hall.MapGet("/served-target", (Guid hallId, SetServedTarget target, HttpContext http, CancellationToken ct) =>
            target.GetAsync(hallId, http.User.UserId(), ct)).WithName("GetAssessmentServedTarget");
        hall.MapPut("/served-target", (Guid hallId, ServedTargetRequest request, SetServedTarget target, HttpContext http, CancellationToken ct) =>
            target.HandleAsync(hallId, http.User.UserId(), request, ct)).WithName("SetAssessmentServedTarget");
        hall.MapPost("/manual-items", (Guid hallId, ManualItemRequest request, RecordManualItem record, HttpContext http, CancellationToken ct) =>
            record.HandleAsync(hallId, http.User.UserId(), request, ct)).WithName("RecordAssessmentManualItem");
        hall.MapPost("/manual-items/{itemId:guid}/remove", (Guid hallId, Guid itemId, RemoveManualItemRequest request, RemoveManualItem remove,
            HttpContext http, CancellationToken ct) => remove.HandleAsync(hallId, itemId, http.User.UserId(), request, ct)).WithName("RemoveAssessmentManualItem");
        hall.MapPost("/months/{year:int}/{month:int}/close", (Guid hallId, int year, int month, CloseAssessmentMonth close, HttpContext http,
            CancellationToken ct) => close.HandleAsync(hallId, http.User.UserId(), year, month, ct)).WithName("CloseAssessmentMonth");
        hall.MapPost("/months/{year:int}/{month:int}/adjustments", (Guid hallId, int year, int month, AdjustmentRequest request,
                RecordAssessmentAdjustment record, HttpContext http, CancellationToken ct) =>
            record.HandleAsync(hallId, http.User.UserId(), year, month, request, ct)).WithName("RecordAssessmentAdjustment");
        hall.MapPost("/months/{year:int}/{month:int}/publication", async (Guid hallId, int year, int month, PublishRankingRequest request,
                PublishAssessmentRanking publish, HttpContext http, CancellationToken ct) =>
            new { published = await publish.HandleAsync(hallId, http.User.UserId(), year, month, request, ct) }).WithName("PublishAssessmentRanking");
        hall.MapGet("/export", ExportAsync).WithName("ExportAssessment");

        app.MapGet("/api/halls/{hallId:guid}/assessment-ranking", (Guid hallId, int year, int month, string? scope, GetPublishedRanking ranking,
                CancellationToken ct) => ranking.HandleAsync(hallId, year, month, Scope(scope), ct))
            .WithTags("Assessment").WithName("GetPublishedAssessmentRanking").AllowAnonymous()
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound);

        app.MapAssessmentPrintPages();

        var mine = app.MapGroup("/api/assessment/mine").WithTags("Assessment").RequireAuthorization(IdentitySetup.StaffPolicy)
            .ProducesProblem(StatusCodes.Status400BadRequest);
        mine.MapGet("/", (int? year, int? month, GetMyAssessment get, HttpContext http, CancellationToken ct) =>
            get.HandleAsync(http.User.UserId(), year, month, ct)).WithName("GetMyAssessment");
        mine.MapGet("/records", (int? year, int? month, string? indicator, GetMyAssessment get, HttpContext http, CancellationToken ct) =>
            get.RecordsAsync(http.User.UserId(), year, month, Indicator(indicator), ct)).WithName("GetMyAssessmentRecords");
    }

    private static AssessmentScope Scope(string? scope) => QueryEnum.Parse<AssessmentScope>(scope, "scope") ?? AssessmentScope.Staff;

    private static AssessmentIndicator Indicator(string? indicator) =>
        QueryEnum.Parse<AssessmentIndicator>(indicator, "indicator") ?? throw Core.DomainException.Required("indicator");

    /// <summary>The month's table of one scope in the request's language: every indicator's figure and points, manual points, adjustments, total, rank.</summary>
    private static async Task<XlsxResult> ExportAsync(Guid hallId, int? year, int? month, string? scope, GetAssessment get,
        IStringLocalizer<AssessmentResource> t, HttpContext http, CancellationToken ct)
    {
        var report = await get.HandleAsync(hallId, http.User.UserId(), year, month, Scope(scope), ct);
        var sheet = new XlsxSheet<AssessmentRow>(t, "Export_Sheet")
            .Integer("Col_Rank", 6, r => r.Rank)
            .Text("Col_Name", 18, r => r.Name)
            .Text("Col_Badge", 10, r => r.BadgeNumber);
        foreach (var weight in report.Weights.Where(w => AssessmentRules.Applies(w.Indicator, report.Scope)))
        {
            var indicator = weight.Indicator;
            sheet = sheet.Decimal($"Indicator_{indicator}", 12, r => Figure(r, indicator)?.Figure is { } f ? (decimal)f : null)
                .Decimal($"Points_{indicator}", 10, r => (decimal?)Figure(r, indicator)?.Points);
        }
        sheet = sheet.Decimal("Col_IndicatorScore", 10, r => (decimal)r.IndicatorScore)
            .Decimal("Col_Manual", 10, r => (decimal)r.ManualPoints)
            .Decimal("Col_Total", 10, r => (decimal)r.Total);
        if (report.Closed)
            sheet = sheet.Decimal("Col_Adjustment", 10, r => (decimal)r.AdjustmentPoints)
                .Decimal("Col_AdjustedTotal", 10, r => r.AdjustedTotal is { } a ? (decimal)a : null);
        var manual = new XlsxSheet<ManualItemView>(t, "Manual_Title")
            .LocalDate("Col_Day", 12, i => i.Day)
            .Text("Col_Name", 18, i => i.UnitName)
            .Text("Col_Kind", 12, i => t[$"Kind_{i.Kind}"])
            .Decimal("Col_Points", 8, i => (decimal)i.Points)
            .Text("Col_Reason", 30, i => i.Reason)
            .Text("Col_RecordedBy", 12, i => i.RecordedBy)
            .Text("Col_Removed", 30, i => i.RemovedAt is null ? "" : $"{i.RemovedBy}: {i.RemovalReason}");
        var adjustments = new XlsxSheet<AdjustmentView>(t, "Adjustments_Title")
            .LocalDateTime("Col_RecordedAt", 17, a => a.RecordedAt)
            .Text("Col_Name", 18, a => a.UnitName)
            .Decimal("Col_Points", 8, a => (decimal)a.Points)
            .Text("Col_Reason", 30, a => a.Reason)
            .Text("Col_RecordedBy", 12, a => a.RecordedBy);
        var name = $"{t["Title"]} {report.HallName} {report.Year}-{report.Month.ToString("00", CultureInfo.InvariantCulture)} {t[$"Scope_{report.Scope}"]}";
        return new XlsxResult(name, new HallClock(report.TimeZoneId), async (book, token) =>
        {
            await book.AddSheetAsync(sheet, report.Rows, token);
            await book.AddSheetAsync(manual, report.ManualItems, token);
            await book.AddSheetAsync(adjustments, report.Adjustments, token);
        });
    }

    private static AssessmentFigure? Figure(AssessmentRow row, AssessmentIndicator indicator) => row.Figures.FirstOrDefault(f => f.Indicator == indicator);
}
