using ServiceHall.Core.Features.Complaints;
using ServiceHall.Web.Features.Supervision;
using ServiceHall.Web.Identity;

namespace ServiceHall.Web.Features.Complaints;

/// <summary>投诉 (S2): the public online form and its tracking, registration by staff, and the supervisor's handling.</summary>
public static class ComplaintEndpoints
{
    public static void AddComplaints(this WebApplicationBuilder builder)
    {
        var s = builder.Services;
        s.AddScoped<RegisterComplaint>();
        s.AddScoped<ComplaintStep>();
        s.AddScoped<AssignComplaint>();
        s.AddScoped<InvestigateComplaint>();
        s.AddScoped<ReplyToComplaint>();
        s.AddScoped<CloseComplaint>();
        s.AddScoped<ReopenComplaint>();
        s.AddScoped<MarkComplaint>();
        s.AddScoped<ExtendComplaintDeadline>();
        s.AddScoped<ListComplaints>();
        s.AddScoped<TrackComplaint>();
        s.AddScoped<RevealComplainantContact>();
        s.AddScoped<FindComplaint>();
    }

    public static void MapComplaintEndpoints(this WebApplication app)
    {
        var api = app.MapGroup("/api").WithTags("Complaints").RequireHall()
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        // The citizen's online form: no account, limited per address.
        api.MapPost("/halls/{hallId:guid}/complaints/online",
                async (Guid hallId, RegisterComplaintRequest request, RegisterComplaint register, CancellationToken ct) =>
                {
                    var receipt = await register.HandleAsync(hallId, request, null, ct);
                    return TypedResults.Created($"/api/complaints/track/{receipt.TrackingCode}", receipt);
                })
            .WithName("SubmitOnlineComplaint").RequireRateLimiting(SupervisionSetup.PublicFormPolicy)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);
        api.MapGet("/complaints/track/{trackingCode:guid}", (Guid trackingCode, TrackComplaint track, CancellationToken ct) =>
                track.HandleAsync(trackingCode, ct))
            .WithName("TrackComplaint").AllowAnonymous();
        // Found again by number and phone: limited like the form, so that phones cannot be tried in bulk.
        api.MapPost("/halls/{hallId:guid}/complaints/find",
                (Guid hallId, FindComplaintRequest request, FindComplaint find, CancellationToken ct) => find.HandleAsync(hallId, request, ct))
            .WithName("FindComplaint").RequireRateLimiting(SupervisionSetup.PublicFormPolicy)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);

        // Staff register what comes in on site, by phone, in the box or on a supervision card.
        api.MapPost("/halls/{hallId:guid}/complaints",
                async (Guid hallId, RegisterComplaintRequest request, RegisterComplaint register, HttpContext http, CancellationToken ct) =>
                {
                    var receipt = await register.HandleAsync(hallId, request, http.User.UserId(), ct);
                    return TypedResults.Created($"/api/complaints/{receipt.Id}", receipt);
                })
            .WithName("RegisterComplaint").RequireAuthorization(IdentitySetup.StaffPolicy);

        var supervisor = api.MapGroup("").RequireAuthorization(IdentitySetup.SupervisorPolicy)
            .ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status403Forbidden);
        supervisor.MapGet("/halls/{hallId:guid}/complaints", (Guid hallId, string? status, ListComplaints list, HttpContext http, CancellationToken ct) =>
                list.HandleAsync(hallId, http.User.UserId(), QueryEnum.Parse<ComplaintStatus>(status, "status"), ct))
            .WithName("ListComplaints");
        supervisor.MapGet("/complaints/{complaintId:guid}", (Guid complaintId, ListComplaints list, HttpContext http, CancellationToken ct) =>
                list.GetAsync(complaintId, http.User.UserId(), ct))
            .WithName("GetComplaint");
        supervisor.MapPost("/complaints/{complaintId:guid}/assign", (Guid complaintId, AssignComplaintRequest request, AssignComplaint step, HttpContext http, CancellationToken ct) =>
                step.HandleAsync(complaintId, http.User.UserId(), request, ct))
            .WithName("AssignComplaint");
        supervisor.MapPost("/complaints/{complaintId:guid}/close", (Guid complaintId, CloseComplaintRequest request, CloseComplaint step, HttpContext http, CancellationToken ct) =>
                step.HandleAsync(complaintId, http.User.UserId(), request, ct))
            .WithName("CloseComplaint");
        supervisor.MapPost("/complaints/{complaintId:guid}/reopen", (Guid complaintId, ComplaintNoteRequest request, ReopenComplaint step, HttpContext http, CancellationToken ct) =>
                step.HandleAsync(complaintId, http.User.UserId(), request, ct))
            .WithName("ReopenComplaint");
        supervisor.MapPost("/complaints/{complaintId:guid}/mark", (Guid complaintId, MarkComplaintRequest request, MarkComplaint step, HttpContext http, CancellationToken ct) =>
                step.HandleAsync(complaintId, http.User.UserId(), request, ct))
            .WithName("MarkComplaint");
        supervisor.MapPost("/complaints/{complaintId:guid}/extend",
                (Guid complaintId, ExtendComplaintDeadlineRequest request, ExtendComplaintDeadline step, HttpContext http, CancellationToken ct) =>
                    step.HandleAsync(complaintId, http.User.UserId(), request, ct))
            .WithName("ExtendComplaintDeadline");
        supervisor.MapPost("/complaints/{complaintId:guid}/contact",
                (Guid complaintId, RevealContactRequest request, RevealComplainantContact reveal, HttpContext http, CancellationToken ct) =>
                    reveal.HandleAsync(complaintId, http.User.UserId(), request, ct))
            .WithName("RevealComplainantContact");

        // The assignee (staff or supervisor) investigates and replies.
        var handler = api.MapGroup("").RequireAuthorization(IdentitySetup.StaffPolicy);
        handler.MapPost("/complaints/{complaintId:guid}/investigate",
                (Guid complaintId, ComplaintNoteRequest request, InvestigateComplaint step, HttpContext http, CancellationToken ct) =>
                    step.HandleAsync(complaintId, http.User.UserId(), request, ct))
            .WithName("InvestigateComplaint");
        handler.MapPost("/complaints/{complaintId:guid}/reply",
                (Guid complaintId, ReplyToComplaintRequest request, ReplyToComplaint step, HttpContext http, CancellationToken ct) =>
                    step.HandleAsync(complaintId, http.User.UserId(), request, ct))
            .WithName("ReplyToComplaint");
    }
}
