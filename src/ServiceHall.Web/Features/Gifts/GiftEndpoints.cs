using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using ServiceHall.Core.Data;
using ServiceHall.Core.Features.Gifts;
using ServiceHall.Core.Features.Halls;
using ServiceHall.Core.Features.Identity;
using ServiceHall.Web.Identity;
using ServiceHall.Web.Infrastructure.Spreadsheets;
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

    /// <summary>The register as an .xlsx workbook in the request's language, times in the hall's zone, for auditors.</summary>
    private static async Task<XlsxResult> ExportAsync(Guid hallId, DateOnly? from, DateOnly? to, ListGifts list, HallDbContext db,
        IStringLocalizer<SupervisionResource> text, TimeProvider time, HttpContext http, CancellationToken ct)
    {
        var gifts = await list.HandleAsync(hallId, http.User.UserId(), onlyOwn: false, from, to, ct);
        var clock = await HallClock.ForHallAsync(db, hallId, ct);
        var sheet = new XlsxSheet<GiftDeclarationView>(text, "Gift_Sheet")
            .Text("Gift_Number", 14, g => g.Number)
            .Text("Gift_Declarant", 12, g => g.DeclarantName ?? "")
            .Text("Gift_Giver", 24, g => g.Giver)
            .Text("Gift_Description", 30, g => g.Description)
            .Decimal("Gift_Value", 12, g => g.EstimatedValue)
            .LocalDate("Gift_ReceivedOn", 12, g => g.ReceivedOn)
            .Text("Gift_Handling", 10, g => text[$"GiftHandling_{g.ConfirmedHandling ?? g.Handling}"].Value)
            .Text("Gift_HandlingNote", 24, g => g.HandlingNote ?? "")
            .LocalDateTime("Gift_DeclaredAt", 17, g => g.DeclaredAt)
            .Text("Gift_Review", 10, g => text[$"GiftReview_{g.Review}"].Value)
            .Text("Gift_Reviewer", 12, g => g.ReviewerName ?? "")
            .LocalDateTime("Gift_ReviewedAt", 17, g => g.ReviewedAt)
            .Text("Gift_ReviewNote", 30, g => g.ReviewNote ?? "");
        var rows = gifts.OrderBy(g => g.DeclaredAt).ThenBy(g => g.Number, StringComparer.Ordinal);
        return new XlsxResult($"{sheet.Name} {clock.BusinessDay(time.GetUtcNow().UtcDateTime):yyyy-MM-dd}", clock,
            (book, token) => book.AddSheetAsync(sheet, rows, token));
    }
}
