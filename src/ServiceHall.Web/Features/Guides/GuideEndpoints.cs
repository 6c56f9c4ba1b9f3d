using ServiceHall.Core.Features.Guides;
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
            .WithName("UpdateServiceGuide").RequireAuthorization(IdentitySetup.AdminPolicy)
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound);
        app.MapGet("/guide/{hallId:guid}/{itemId:guid}", GuidePage.RenderAsync).WithTags("Guides").WithName("ServiceGuidePage")
            .ExcludeFromDescription();
    }
}
