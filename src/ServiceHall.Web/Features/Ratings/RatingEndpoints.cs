using Microsoft.EntityFrameworkCore;
using ServiceHall.Core;
using ServiceHall.Core.Features.Complaints;
using ServiceHall.Core.Features.Devices;
using ServiceHall.Core.Features.Identity;
using ServiceHall.Core.Features.Ratings;
using ServiceHall.Web.Features.Devices;
using ServiceHall.Web.Features.Supervision;
using ServiceHall.Web.Identity;

namespace ServiceHall.Web.Features.Ratings;

/// <summary>好差评 (S1): the rating pad and the phone rate a finished service; supervisors follow up bad ratings and read the figures.</summary>
public static class RatingEndpoints
{
    public static void AddRatings(this WebApplicationBuilder builder)
    {
        var s = builder.Services;
        s.AddScoped<RateService>();
        s.AddScoped<GetRatingPad>();
        s.AddScoped<GetTicketRating>();
        s.AddScoped<FollowUpStep>();
        s.AddScoped<CallBackCitizen>();
        s.AddScoped<VerifyBadRating>();
        s.AddScoped<CompleteRectification>();
        s.AddScoped<ReportFollowUpResult>();
        s.AddScoped<ListFollowUps>();
        s.AddScoped<GetSatisfactionFigures>();
        s.AddScoped<AppealBadRating>();
        s.AddScoped<RevealRatingContact>();
    }

    public static void MapRatingEndpoints(this WebApplication app)
    {
        var api = app.MapGroup("/api").WithTags("Ratings").RequireHall()
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        api.MapGet("/counters/{counterId:guid}/rating-pad", (Guid counterId, GetRatingPad pad, HttpContext http, CancellationToken ct) =>
                http.Device() is { CounterId: var own } && own != counterId
                    ? throw new DomainException(ErrorKind.Forbidden, DeviceErrorCodes.OtherCounter)
                    : pad.HandleAsync(counterId, http.User.UserId(), ct))
            .WithName("GetRatingPad").RequireAuthorization(SupervisionSetup.RatingPadPolicy);
        // k: the ticket's rating key, carried by its QR code and phone link (/t/{ticketId}?k=…).
        api.MapGet("/tickets/{ticketId:guid}/rating", (Guid ticketId, string? k, GetTicketRating get, CancellationToken ct) => get.HandleAsync(ticketId, k, ct))
            .WithName("GetTicketRating").AllowAnonymous();
        api.MapPost("/tickets/{ticketId:guid}/rating", RateAsync)
            .WithName("RateService").RequireRateLimiting(SupervisionSetup.PublicFormPolicy)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);

        var supervisor = api.MapGroup("").RequireAuthorization(IdentitySetup.SupervisorPolicy);
        supervisor.MapGet("/halls/{hallId:guid}/rating-follow-ups", (Guid hallId, bool? open, ListFollowUps list, HttpContext http, CancellationToken ct) =>
                list.HandleAsync(hallId, http.User.UserId(), open ?? true, ct))
            .WithName("ListRatingFollowUps");
        supervisor.MapGet("/rating-follow-ups/{followUpId:guid}", (Guid followUpId, ListFollowUps list, HttpContext http, CancellationToken ct) =>
                list.GetAsync(followUpId, http.User.UserId(), ct))
            .WithName("GetRatingFollowUp");
        supervisor.MapPost("/rating-follow-ups/{followUpId:guid}/callback",
                (Guid followUpId, FollowUpNoteRequest request, CallBackCitizen step, HttpContext http, CancellationToken ct) =>
                    step.HandleAsync(followUpId, http.User.UserId(), request, ct))
            .WithName("CallBackCitizen");
        supervisor.MapPost("/rating-follow-ups/{followUpId:guid}/verify",
                (Guid followUpId, VerifyBadRatingRequest request, VerifyBadRating step, HttpContext http, CancellationToken ct) =>
                    step.HandleAsync(followUpId, http.User.UserId(), request, ct))
            .WithName("VerifyBadRating");
        supervisor.MapPost("/rating-follow-ups/{followUpId:guid}/report",
                (Guid followUpId, ReportFollowUpResultRequest request, ReportFollowUpResult step, HttpContext http, CancellationToken ct) =>
                    step.HandleAsync(followUpId, http.User.UserId(), request, ct))
            .WithName("ReportFollowUpResult");
        supervisor.MapGet("/halls/{hallId:guid}/ratings/figures",
                (Guid hallId, DateOnly from, DateOnly to, string? by, GetSatisfactionFigures figures, HttpContext http, CancellationToken ct) =>
                    figures.HandleAsync(hallId, http.User.UserId(), from, to, QueryEnum.Parse<FigureGrouping>(by, "by") ?? FigureGrouping.Hall, ct))
            .WithName("GetSatisfactionFigures");
        supervisor.MapPost("/ratings/{ratingId:guid}/appeal",
                async (Guid ratingId, AppealBadRatingRequest request, AppealBadRating appeal, HttpContext http, CancellationToken ct) =>
                    await appeal.HandleAsync(ratingId, http.User.UserId(), request, ct) is { } followUp
                        ? Results.Ok(followUp) : Results.NoContent())
            .WithName("AppealBadRating");

        // The owner of the rectification is often a staff member; the use case checks it is them.
        api.MapPost("/rating-follow-ups/{followUpId:guid}/rectify",
                (Guid followUpId, FollowUpNoteRequest request, CompleteRectification step, HttpContext http, CancellationToken ct) =>
                    step.HandleAsync(followUpId, http.User.UserId(), request, ct))
            .WithName("CompleteRectification").RequireAuthorization(IdentitySetup.StaffPolicy);
        // The callback phone of a bad rating: the follow-up's owner or a supervisor, with a purpose, audited.
        api.MapPost("/rating-follow-ups/{followUpId:guid}/contact",
                (Guid followUpId, RevealContactRequest request, RevealRatingContact reveal, HttpContext http, CancellationToken ct) =>
                    reveal.HandleAsync(followUpId, http.User.UserId(), request, ct))
            .WithName("RevealRatingContact").RequireAuthorization(IdentitySetup.StaffPolicy)
            .ProducesProblem(StatusCodes.Status403Forbidden);
    }

    private static async Task<RatingView> RateAsync(Guid ticketId, string? k, RateServiceRequest request, RateService rate,
        HttpContext http, CancellationToken ct)
    {
        // P2: only the citizen rates — on the pad of the counter that served, or with the phone. Staff, supervisors,
        // administrators and the other devices are signed in and are not the citizen.
        var device = http.Device();
        if ((device is not null && device.Kind != DeviceKind.RatingPad) || (device is null && http.User.Identity?.IsAuthenticated == true))
            throw new DomainException(ErrorKind.Forbidden, DeviceErrorCodes.NotItsJob);
        return await rate.HandleAsync(ticketId, request, device is null ? RatingChannel.Phone : RatingChannel.HallPad, device?.HallId, ct,
            device?.CounterId, k);
    }
}
