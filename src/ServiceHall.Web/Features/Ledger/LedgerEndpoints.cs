using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;
using ServiceHall.Core.Data;
using ServiceHall.Core.Features.Halls;
using ServiceHall.Core.Features.Identity;
using ServiceHall.Core.Features.Ledger;
using ServiceHall.Web.Features.Supervision;
using ServiceHall.Web.Identity;
using ServiceHall.Web.Infrastructure.Spreadsheets;
using ServiceHall.Web.Localization;

namespace ServiceHall.Web.Features.Ledger;

/// <summary>
/// 服务日志基础台帐 (S6): <c>GET /api/halls/{hallId}/ledger</c> and its .xlsx export for the hall's supervisors and
/// administrators (a staff member of the hall gets only their own lines); the day's summary (工作小结) of the
/// signed-in staff member at <c>/api/ledger/day-summary</c>.
/// </summary>
public static class LedgerEndpoints
{
    public static void AddLedger(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<GetServiceLedger>();
        builder.Services.AddScoped<GetLedgerChoices>();
        builder.Services.AddScoped<WriteDaySummary>();
    }

    public static void MapLedgerEndpoints(this WebApplication app)
    {
        var api = app.MapGroup("/api").WithTags("Ledger")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);
        var hall = api.MapGroup("/halls/{hallId:guid}").RequireHall()
            .RequireAuthorization(policy => policy.RequireRole(Roles.Staff, Roles.Supervisor, Roles.Admin));
        hall.MapGet("/ledger", (Guid hallId, [AsParameters] LedgerFilter filter, GetServiceLedger ledger, HttpContext http, CancellationToken ct) =>
                ledger.HandleAsync(hallId, http.User.UserId(), filter.ToQuery(), ct))
            .WithName("GetServiceLedger");
        hall.MapGet("/ledger/export", ExportAsync)
            .WithName("ExportServiceLedger");

        var own = api.MapGroup("/ledger").RequireAuthorization(IdentitySetup.StaffPolicy);
        own.MapGet("/day-summary", async Task<Results<Ok<DaySummaryView>, NoContent>> (WriteDaySummary summaries, HttpContext http, CancellationToken ct) =>
                await summaries.GetTodayAsync(http.User.UserId(), ct) is { } today ? TypedResults.Ok(today) : TypedResults.NoContent())
            .WithName("GetMyDaySummary");
        own.MapPut("/day-summary", (WriteDaySummaryRequest request, WriteDaySummary summaries, HttpContext http, CancellationToken ct) =>
                summaries.HandleAsync(http.User.UserId(), request, ct))
            .WithName("WriteMyDaySummary");
    }

    /// <summary>Every table of the view as a sheet, in the request's language, times in the hall's zone.</summary>
    private static async Task<XlsxResult> ExportAsync(Guid hallId, [AsParameters] LedgerFilter filter, GetServiceLedger ledger, HallDbContext db,
        IStringLocalizer<LedgerResource> text, HttpContext http, CancellationToken ct)
    {
        var report = await ledger.HandleAsync(hallId, http.User.UserId(), filter.ToQuery(), ct);
        var clock = await HallClock.ForHallAsync(db, hallId, ct);
        var name = $"{text["Ledger_FileName"].Value} {report.From:yyyy-MM-dd}_{report.To:yyyy-MM-dd}";
        return new XlsxResult(name, clock, async (book, token) =>
        {
            await book.AddSheetAsync(LedgerSheets.Items(text), report.Items, token);
            await book.AddSheetAsync(LedgerSheets.Staff(text), report.Staff, token);
            await book.AddSheetAsync(LedgerSheets.Summaries(text), report.Summaries, token);
            if (report.Appointments.Count > 0)
                await book.AddSheetAsync(LedgerSheets.Appointments(text), report.Appointments, token);
        });
    }
}

/// <summary>The ledger's filters as the query string names them (<c>?from=2026-11-01&amp;period=week&amp;counterId=…</c>).</summary>
public sealed record LedgerFilter(DateOnly? From, DateOnly? To, string? Period, Guid? DepartmentId, Guid? CounterId, Guid? StaffUserId,
    Guid? ServiceItemId)
{
    public LedgerQuery ToQuery() => new(From, To, QueryEnum.Parse<LedgerPeriod>(Period, "period") ?? LedgerPeriod.Day,
        DepartmentId, CounterId, StaffUserId, ServiceItemId);
}
