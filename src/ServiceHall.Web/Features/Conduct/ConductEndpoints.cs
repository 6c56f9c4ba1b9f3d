using Microsoft.AspNetCore.Mvc;
using ServiceHall.Core.Features.Conduct;
using ServiceHall.Core.Features.Identity;
using ServiceHall.Web.Features.Supervision;
using ServiceHall.Web.Identity;

namespace ServiceHall.Web.Features.Conduct;

/// <summary>Service language (S4): the checker for recognisers, integrators and pages; review of findings; the hall's phrase lists.</summary>
public static class ConductEndpoints
{
    public static void AddConduct(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<ConductCheckers>();
        builder.Services.AddScoped<CheckConduct>();
        builder.Services.AddScoped<ReviewConductFinding>();
        builder.Services.AddScoped<ListConductFindings>();
        builder.Services.AddScoped<ManageConductPhrases>();
    }

    public static void MapConductEndpoints(this WebApplication app)
    {
        var api = app.MapGroup("/api").WithTags("Conduct").RequireHall()
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);

        api.MapPost("/conduct/check", (CheckConductRequest request, CheckConduct check, HttpContext http, CancellationToken ct) =>
                check.HandleAsync(request, http.User.UserId(), MayActForOthers(http), ct))
            .WithName("CheckConduct").RequireAuthorization(SupervisionSetup.ConductCheckPolicy)
            // A transcript of 5,000 characters is up to 30 KB of JSON when its CJK characters are escaped.
            .WithMetadata(new RequestSizeLimitAttribute(64 * 1024))
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge);

        var supervisor = api.MapGroup("").RequireAuthorization(IdentitySetup.SupervisorPolicy);
        supervisor.MapGet("/halls/{hallId:guid}/conduct/findings",
                (Guid hallId, string? status, Guid? staffUserId, ListConductFindings list, HttpContext http, CancellationToken ct) =>
                    list.HandleAsync(hallId, http.User.UserId(), QueryEnum.Parse<FindingStatus>(status, "status"), staffUserId, ct))
            .WithName("ListConductFindings");
        supervisor.MapGet("/conduct/checks/{checkId:guid}", (Guid checkId, ListConductFindings list, HttpContext http, CancellationToken ct) =>
                list.GetCheckAsync(checkId, http.User.UserId(), ct))
            .WithName("GetConductCheck");
        supervisor.MapPost("/conduct/findings/{findingId:guid}/review",
                (Guid findingId, ReviewConductFindingRequest request, ReviewConductFinding review, HttpContext http, CancellationToken ct) =>
                    review.HandleAsync(findingId, http.User.UserId(), request, ct))
            .WithName("ReviewConductFinding").ProducesProblem(StatusCodes.Status409Conflict);
        supervisor.MapGet("/halls/{hallId:guid}/conduct/phrases", (Guid hallId, ManageConductPhrases phrases, HttpContext http, CancellationToken ct) =>
                phrases.ListAsync(hallId, http.User.UserId(), ct))
            .WithName("ListConductPhrases");

        var admin = api.MapGroup("").RequireAuthorization(IdentitySetup.AdminPolicy).ProducesProblem(StatusCodes.Status409Conflict);
        admin.MapPost("/halls/{hallId:guid}/conduct/phrases",
                async (Guid hallId, SaveConductPhraseRequest request, ManageConductPhrases phrases, HttpContext http, CancellationToken ct) =>
                {
                    var phrase = await phrases.AddAsync(hallId, http.User.UserId(), request, ct);
                    return TypedResults.Created($"/api/conduct/phrases/{phrase.Id}", phrase);
                })
            .WithName("AddConductPhrase");
        admin.MapPut("/conduct/phrases/{phraseId:guid}",
                (Guid phraseId, SaveConductPhraseRequest request, ManageConductPhrases phrases, HttpContext http, CancellationToken ct) =>
                    phrases.UpdateAsync(phraseId, http.User.UserId(), request, ct))
            .WithName("UpdateConductPhrase");
    }

    private static bool MayActForOthers(HttpContext http) => http.User.IsInRole(Roles.Supervisor) || http.User.IsInRole(Roles.Admin);
}
