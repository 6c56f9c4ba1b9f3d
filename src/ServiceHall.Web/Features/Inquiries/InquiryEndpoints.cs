using ServiceHall.Core.Features.Inquiries;
using ServiceHall.Web.Identity;

namespace ServiceHall.Web.Features.Inquiries;

public static class InquiryEndpoints
{
    public static void AddInquiries(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<RecordInquiry>();
        builder.Services.AddScoped<ForwardInquiry>();
        builder.Services.AddScoped<ReplyInquiry>();
        builder.Services.AddScoped<GetInquiry>();
        builder.Services.AddScoped<ListInquiries>();
        builder.Services.AddScoped<GetInquiryReport>();
        builder.Services.AddScoped<ListForwardTargets>();
        builder.Services.AddScoped<RevealInquiryContact>();
    }

    public static void MapInquiryEndpoints(this WebApplication app)
    {
        var hall = app.MapGroup("/api/halls/{hallId:guid}/inquiries").WithTags("Inquiries").RequireAuthorization(IdentitySetup.StaffPolicy).RequireHall();
        hall.MapPost("/", async (Guid hallId, RecordInquiryRequest request, RecordInquiry record, HttpContext http, CancellationToken ct) =>
            {
                var view = await record.HandleAsync(hallId, request, http.User.UserId(), ct);
                return TypedResults.Created($"/api/inquiries/{view.Id}", view);
            })
            .WithName("RecordInquiry").ProducesProblem(StatusCodes.Status400BadRequest);
        hall.MapGet("/", (Guid hallId, InquiryStatus? status, bool? mine, int? take, ListInquiries list, HttpContext http, CancellationToken ct) =>
            list.HandleAsync(hallId, status, mine ?? false, take ?? 50, http.User.UserId(), ct)).WithName("ListInquiries");
        hall.MapGet("/forward-targets", (Guid hallId, ListForwardTargets targets, HttpContext http, CancellationToken ct) =>
            targets.HandleAsync(hallId, http.User.UserId(), ct)).WithName("ListInquiryForwardTargets");
        app.MapGet("/api/halls/{hallId:guid}/inquiry-report", (Guid hallId, DateTime? from, DateTime? to, GetInquiryReport report,
                HttpContext http, CancellationToken ct) => report.HandleAsync(hallId, from, to, http.User.UserId(), ct))
            .WithTags("Inquiries").WithName("GetInquiryReport").RequireAuthorization(IdentitySetup.SupervisorPolicy).RequireHall();

        var inquiry = app.MapGroup("/api/inquiries/{inquiryId:guid}").WithTags("Inquiries").RequireAuthorization(IdentitySetup.StaffPolicy).RequireHall()
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        inquiry.MapGet("/", (Guid inquiryId, GetInquiry get, HttpContext http, CancellationToken ct) =>
            get.HandleAsync(inquiryId, http.User.UserId(), ct)).WithName("GetInquiry");
        inquiry.MapPost("/forward", (Guid inquiryId, ForwardInquiryRequest request, ForwardInquiry forward, HttpContext http, CancellationToken ct) =>
            forward.HandleAsync(inquiryId, request, http.User.UserId(), ct)).WithName("ForwardInquiry");
        inquiry.MapPost("/reply", (Guid inquiryId, ReplyInquiryRequest request, ReplyInquiry reply, HttpContext http, CancellationToken ct) =>
            reply.HandleAsync(inquiryId, request, http.User.UserId(), ct)).WithName("ReplyInquiry");
        // A POST: the read is written to the audit, with its purpose.
        inquiry.MapPost("/contact", (Guid inquiryId, RevealInquiryContactRequest request, RevealInquiryContact reveal, HttpContext http,
                CancellationToken ct) => reveal.HandleAsync(inquiryId, http.User.UserId(), request, ct))
            .WithName("RevealInquiryContact").ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status403Forbidden);
    }
}
