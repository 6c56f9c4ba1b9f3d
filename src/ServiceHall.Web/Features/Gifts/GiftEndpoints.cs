using ClosedXML.Excel;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using ServiceHall.Core.Data;
using ServiceHall.Core.Features.Gifts;
using ServiceHall.Core.Features.Halls;
using ServiceHall.Core.Features.Identity;
using ServiceHall.Web.Identity;
using ServiceHall.Web.Localization;

namespace ServiceHall.Web.Features.Gifts;

/// <summary>礼品申报登记 (S5): staff declare, supervisors review and export for audit. There is no edit and no delete.</summary>
public static class GiftEndpoints
{
    public static void AddGifts(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<DeclareGift>();
        builder.Services.AddScoped<ReviewGift>();
        builder.Services.AddScoped<ListGifts>();
    }

    public static void MapGiftEndpoints(this WebApplication app)
    {
        var api = app.MapGroup("/api").WithTags("Gifts").RequireHall()
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        api.MapPost("/gifts", async (DeclareGiftRequest request, DeclareGift declare, HttpContext http, CancellationToken ct) =>
            {
                var gift = await declare.HandleAsync(http.User.UserId(), request, ct);
                return TypedResults.Created($"/api/gifts/{gift.Id}", gift);
            })
            .WithName("DeclareGift").RequireAuthorization(IdentitySetup.StaffPolicy);
        api.MapGet("/halls/{hallId:guid}/gifts", (Guid hallId, DateOnly? from, DateOnly? to, ListGifts list, HttpContext http, CancellationToken ct) =>
                list.HandleAsync(hallId, http.User.UserId(), !IsSupervisor(http), from, to, ct))
            .WithName("ListGifts").RequireAuthorization(IdentitySetup.StaffPolicy);
        api.MapPost("/gifts/{giftId:guid}/review", (Guid giftId, ReviewGiftRequest request, ReviewGift review, HttpContext http, CancellationToken ct) =>
                review.HandleAsync(giftId, http.User.UserId(), request, ct))
            .WithName("ReviewGift").RequireAuthorization(IdentitySetup.SupervisorPolicy);
        api.MapGet("/halls/{hallId:guid}/gifts/export", ExportAsync)
            .WithName("ExportGifts").RequireAuthorization(IdentitySetup.SupervisorPolicy);
    }

    private static bool IsSupervisor(HttpContext http) => http.User.IsInRole(Roles.Supervisor) || http.User.IsInRole(Roles.Admin);

    /// <summary>The register as an .xlsx workbook in the request's language, for auditors.</summary>
    private static async Task<IResult> ExportAsync(Guid hallId, DateOnly? from, DateOnly? to, ListGifts list, HallDbContext db,
        IStringLocalizer<SupervisionResource> text, HttpContext http, CancellationToken ct)
    {
        var gifts = await list.HandleAsync(hallId, http.User.UserId(), onlyOwn: false, from, to, ct);
        // Auditors read the hall's clock, not UTC.
        var clock = new HallClock(await db.Halls.Where(h => h.Id == hallId).Select(h => h.TimeZoneId).FirstAsync(ct));
        using var workbook = new XLWorkbook();
        var sheet = workbook.Worksheets.Add(text["Gift_Sheet"].Value);
        string[] headers = ["Gift_Number", "Gift_Declarant", "Gift_Giver", "Gift_Description", "Gift_Value", "Gift_ReceivedOn",
            "Gift_Handling", "Gift_HandlingNote", "Gift_DeclaredAt", "Gift_Review", "Gift_Reviewer", "Gift_ReviewedAt", "Gift_ReviewNote"];
        for (var c = 0; c < headers.Length; c++)
            sheet.Cell(1, c + 1).Value = text[headers[c]].Value;
        var row = 2;
        foreach (var g in gifts.OrderBy(g => g.DeclaredAt).ThenBy(g => g.Number, StringComparer.Ordinal))
        {
            sheet.Cell(row, 1).Value = g.Number;
            sheet.Cell(row, 2).Value = g.DeclarantName ?? "";
            sheet.Cell(row, 3).Value = g.Giver;
            sheet.Cell(row, 4).Value = g.Description;
            sheet.Cell(row, 5).Value = g.EstimatedValue;
            sheet.Cell(row, 5).Style.NumberFormat.Format = "#,##0.00";
            sheet.Cell(row, 6).Value = g.ReceivedOn.ToDateTime(TimeOnly.MinValue);
            sheet.Cell(row, 6).Style.DateFormat.Format = "yyyy-mm-dd";
            sheet.Cell(row, 7).Value = text[$"GiftHandling_{g.ConfirmedHandling ?? g.Handling}"].Value;
            sheet.Cell(row, 8).Value = g.HandlingNote ?? "";
            sheet.Cell(row, 9).Value = clock.ToLocal(g.DeclaredAt);
            sheet.Cell(row, 9).Style.DateFormat.Format = "yyyy-mm-dd hh:mm";
            sheet.Cell(row, 10).Value = text[$"GiftReview_{g.Review}"].Value;
            sheet.Cell(row, 11).Value = g.ReviewerName ?? "";
            if (g.ReviewedAt is { } reviewed)
            {
                sheet.Cell(row, 12).Value = clock.ToLocal(reviewed);
                sheet.Cell(row, 12).Style.DateFormat.Format = "yyyy-mm-dd hh:mm";
            }
            sheet.Cell(row, 13).Value = g.ReviewNote ?? "";
            row++;
        }
        sheet.Row(1).Style.Font.Bold = true;
        // Fixed widths: measuring text (AdjustToContents) needs System.Drawing, which servers on Linux lack.
        double[] widths = [14, 12, 24, 30, 12, 12, 10, 24, 17, 10, 12, 17, 30];
        for (var c = 0; c < widths.Length; c++)
            sheet.Column(c + 1).Width = widths[c];
        using var stream = new MemoryStream();
        workbook.SaveAs(stream);
        return TypedResults.File(stream.ToArray(), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            $"gifts-{hallId:N}.xlsx");
    }
}
