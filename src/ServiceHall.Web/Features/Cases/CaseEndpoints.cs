using ServiceHall.Core.Features.Cases;
using ServiceHall.Web.Identity;

namespace ServiceHall.Web.Features.Cases;

public static class CaseEndpoints
{
    public static void AddCases(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddScoped<RegisterCase>();
        services.AddScoped<TickCaseMaterials>();
        services.AddScoped<IssueOneTimeNotice>();
        services.AddScoped<ApproveExtraNotice>();
        services.AddScoped<ResubmitCase>();
        services.AddScoped<AcceptCase>();
        services.AddScoped<RefuseCase>();
        services.AddScoped<WithdrawCase>();
        services.AddScoped<StartCase>();
        services.AddScoped<CompleteCase>();
        services.AddScoped<PickUpCase>();
        services.AddScoped<GetCase>();
        services.AddScoped<ListCases>();
        services.AddScoped<ListOverdueCases>();
        services.AddScoped<RevealApplicant>();
        services.AddScoped<GetCaseDocument>();
        services.AddScoped<GetCounterContext>();
        services.AddScoped<ScanDeadlines>();
        services.AddScoped<ExtendCase>();
        services.AddScoped<PauseCaseClock>();
        services.AddScoped<ResumeCaseClock>();
        services.AddScoped<ListCounterDeadlines>();
        services.AddHostedService<DeadlineMonitor>();
    }

    public static void MapCaseEndpoints(this WebApplication app)
    {
        var hall = app.MapGroup("/api/halls/{hallId:guid}/cases").WithTags("Cases").RequireAuthorization(IdentitySetup.StaffPolicy).RequireHall();
        hall.MapPost("/", async (Guid hallId, RegisterCaseRequest request, RegisterCase register, HttpContext http, CancellationToken ct) =>
            {
                var view = await register.HandleAsync(hallId, request, http.User.UserId(), ct);
                return TypedResults.Created($"/api/cases/{view.Id}", view);
            })
            .WithName("RegisterCase").ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status409Conflict);
        hall.MapGet("/", (Guid hallId, CaseStatus? status, Guid? ticketId, int? take, ListCases list, HttpContext http, CancellationToken ct) =>
                list.HandleAsync(hallId, status, ticketId, take ?? 50, http.User.UserId(), ct))
            .WithName("ListCases");
        app.MapGet("/api/halls/{hallId:guid}/overdue-cases", (Guid hallId, ListOverdueCases list, HttpContext http, CancellationToken ct) =>
                list.HandleAsync(hallId, http.User.UserId(), ct))
            .WithTags("Cases").WithName("ListOverdueCases").RequireAuthorization(IdentitySetup.SupervisorPolicy).RequireHall();
        // The counter's deadline warnings (M5): the caller's and their open counter's cases due soon or overdue.
        app.MapGet("/api/halls/{hallId:guid}/counter-deadlines", (Guid hallId, ListCounterDeadlines list, HttpContext http, CancellationToken ct) =>
                list.HandleAsync(hallId, http.User.UserId(), ct))
            .WithTags("Cases").WithName("ListCounterDeadlines").RequireAuthorization(IdentitySetup.StaffPolicy).RequireHall()
            .ProducesProblem(StatusCodes.Status404NotFound);

        var cases = app.MapGroup("/api/cases/{caseId:guid}").WithTags("Cases").RequireAuthorization(IdentitySetup.StaffPolicy).RequireHall()
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        cases.MapGet("/", (Guid caseId, GetCase get, HttpContext http, CancellationToken ct) => get.HandleAsync(caseId, http.User.UserId(), ct))
            .WithName("GetCase");
        cases.MapPut("/materials", (Guid caseId, TickCaseMaterialsRequest request, TickCaseMaterials tick, HttpContext http, CancellationToken ct) =>
            tick.HandleAsync(caseId, request, http.User.UserId(), ct)).WithName("TickCaseMaterials");
        cases.MapPost("/one-time-notice", (Guid caseId, IssueOneTimeNoticeRequest request, IssueOneTimeNotice issue, HttpContext http,
            CancellationToken ct) => issue.HandleAsync(caseId, request, http.User.UserId(), ct)).WithName("IssueOneTimeNotice");
        cases.MapPost("/extra-notice-approval", (Guid caseId, ApproveExtraNoticeRequest request, ApproveExtraNotice approve, HttpContext http,
                CancellationToken ct) => approve.HandleAsync(caseId, request, http.User.UserId(), ct))
            .WithName("ApproveExtraNotice").RequireAuthorization(IdentitySetup.SupervisorPolicy);
        cases.MapPost("/resubmit", (Guid caseId, ResubmitCaseRequest request, ResubmitCase resubmit, HttpContext http, CancellationToken ct) =>
            resubmit.HandleAsync(caseId, request, http.User.UserId(), ct)).WithName("ResubmitCase");
        cases.MapPost("/accept", (Guid caseId, AcceptCaseRequest? request, AcceptCase accept, HttpContext http, CancellationToken ct) =>
            accept.HandleAsync(caseId, request ?? new AcceptCaseRequest(null), http.User.UserId(), ct)).WithName("AcceptCase");
        cases.MapPost("/refuse", (Guid caseId, RefuseCaseRequest request, RefuseCase refuse, HttpContext http, CancellationToken ct) =>
            refuse.HandleAsync(caseId, request, http.User.UserId(), ct)).WithName("RefuseCase");
        cases.MapPost("/withdraw", (Guid caseId, WithdrawCaseRequest request, WithdrawCase withdraw, HttpContext http, CancellationToken ct) =>
            withdraw.HandleAsync(caseId, request, http.User.UserId(), ct)).WithName("WithdrawCase");
        cases.MapPost("/start", (Guid caseId, StartCase start, HttpContext http, CancellationToken ct) =>
            start.HandleAsync(caseId, http.User.UserId(), ct)).WithName("StartCase");
        cases.MapPost("/complete", (Guid caseId, CompleteCaseRequest request, CompleteCase complete, HttpContext http, CancellationToken ct) =>
            complete.HandleAsync(caseId, request, http.User.UserId(), ct)).WithName("CompleteCase");
        cases.MapPost("/pick-up", (Guid caseId, PickUpCase pickUp, HttpContext http, CancellationToken ct) =>
            pickUp.HandleAsync(caseId, http.User.UserId(), ct)).WithName("PickUpCase");
        cases.MapPost("/extend", (Guid caseId, ExtendCaseRequest request, ExtendCase extend, HttpContext http, CancellationToken ct) =>
                extend.HandleAsync(caseId, request, http.User.UserId(), ct))
            .WithName("ExtendCase").RequireAuthorization(IdentitySetup.SupervisorPolicy).ProducesProblem(StatusCodes.Status400BadRequest);
        cases.MapPost("/clock/pause", (Guid caseId, PauseCaseClockRequest request, PauseCaseClock pause, HttpContext http, CancellationToken ct) =>
            pause.HandleAsync(caseId, request, http.User.UserId(), ct)).WithName("PauseCaseClock").ProducesProblem(StatusCodes.Status400BadRequest);
        cases.MapPost("/clock/resume", (Guid caseId, ResumeCaseClock resume, HttpContext http, CancellationToken ct) =>
            resume.HandleAsync(caseId, http.User.UserId(), ct)).WithName("ResumeCaseClock");
        cases.MapPost("/applicant/reveal", (Guid caseId, RevealRequest request, RevealApplicant reveal, HttpContext http, CancellationToken ct) =>
            reveal.HandleAsync(caseId, request.Purpose, http.User.UserId(), ct)).WithName("RevealApplicant");

        // Printable A4 documents, for the counter's browser (cookie) or an integrator (token).
        var documents = app.MapGroup("/cases/{caseId:guid}").WithTags("Cases").RequireAuthorization(IdentitySetup.StaffPolicy).RequireHall()
            .ExcludeFromDescription();
        documents.MapGet("/receipt", (Guid caseId, GetCaseDocument get, HttpContext http, CancellationToken ct) =>
            CaseDocumentPage.RenderAsync(http, get, caseId, CaseDocumentKind.Receipt, null, ct));
        documents.MapGet("/refusal", (Guid caseId, GetCaseDocument get, HttpContext http, CancellationToken ct) =>
            CaseDocumentPage.RenderAsync(http, get, caseId, CaseDocumentKind.Refusal, null, ct));
        documents.MapGet("/notices/{noticeId:guid}", (Guid caseId, Guid noticeId, GetCaseDocument get, HttpContext http, CancellationToken ct) =>
            CaseDocumentPage.RenderAsync(http, get, caseId, CaseDocumentKind.OneTimeNotice, noticeId, ct));
        documents.MapGet("/extension", (Guid caseId, GetCaseDocument get, HttpContext http, CancellationToken ct) =>
            CaseDocumentPage.RenderAsync(http, get, caseId, CaseDocumentKind.Extension, null, ct));
        documents.MapGet("/pauses/{pauseId:guid}", (Guid caseId, Guid pauseId, GetCaseDocument get, HttpContext http, CancellationToken ct) =>
            CaseDocumentPage.RenderAsync(http, get, caseId, CaseDocumentKind.ClockPause, pauseId, ct));
    }

    public sealed record RevealRequest(string? Purpose);
}
