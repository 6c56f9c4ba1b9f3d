using Microsoft.EntityFrameworkCore;
using ServiceHall.Core;
using ServiceHall.Core.Data;
using ServiceHall.Core.Features.Guides;
using ServiceHall.Web.Features.PublicPages;
using ServiceHall.Web.Identity;

namespace ServiceHall.Web.Features.Guides;

public static class GuideEndpoints
{
    public static void AddGuides(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<GetServiceGuide>();
        builder.Services.AddScoped<UpdateServiceGuide>();
    }

    public static void MapGuideEndpoints(this WebApplication app)
    {
        var guides = app.MapGroup("/api/halls/{hallId:guid}/service-items/{itemId:guid}/guide").WithTags("Guides");
        // Public: the guide is what a citizen reads before coming (M1).
        guides.MapGet("/", (Guid hallId, Guid itemId, GetServiceGuide get, CancellationToken ct) => get.HandleAsync(hallId, itemId, ct))
            .WithName("GetServiceGuide").ProducesProblem(StatusCodes.Status404NotFound);
        guides.MapPut("/", (Guid hallId, Guid itemId, UpdateServiceGuideRequest request, UpdateServiceGuide update, HttpContext http,
                CancellationToken ct) => update.HandleAsync(hallId, itemId, request, http.User.UserId(), ct))
            .WithName("UpdateServiceGuide").RequireAuthorization(IdentitySetup.AdminPolicy).RequireHall()
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound);
        // The kiosk shows it beside the guide, so that a citizen takes the guide home on the phone (M1).
        guides.MapGet("/qr.svg", GuideQrAsync).WithName("ServiceGuideQrCode")
            .Produces(StatusCodes.Status200OK, contentType: "image/svg+xml").ProducesProblem(StatusCodes.Status404NotFound);
        app.MapGet("/guide/{hallId:guid}/{itemId:guid}", GuidePage.RenderAsync).WithTags("Guides").WithName("ServiceGuidePage")
            .ExcludeFromDescription();
    }

    /// <summary>404 for an unknown item: no codes for guessed ids.</summary>
    private static async Task<IResult> GuideQrAsync(Guid hallId, Guid itemId, HallDbContext db, HttpContext http, IConfiguration config,
        CancellationToken ct)
    {
        if (!await db.ServiceItems.AnyAsync(i => i.Id == itemId && i.HallId == hallId, ct))
            throw DomainException.NotFound(ErrorCodes.ServiceItemNotFound);
        return QrCodes.Svg(http, config, $"/guide/{hallId}/{itemId}");
    }
}
