using Microsoft.AspNetCore.Http.HttpResults;
using ServiceHall.Core.Features.Counters;
using ServiceHall.Core.Features.Queue;
using ServiceHall.Web.Identity;

namespace ServiceHall.Web.Features.Counters;

/// <summary>The counter workstation's API (Q3, Q6): staff acting on a counter they opened.</summary>
public static class CounterEndpoints
{
    public static void AddCounters(this WebApplicationBuilder builder)
    {
        var s = builder.Services;
        s.AddScoped<OpenCounter>();
        s.AddScoped<CloseCounter>();
        s.AddScoped<PauseCounter>();
        s.AddScoped<ResumeCounter>();
        s.AddScoped<CounterTicketAction>();
        s.AddScoped<CallNextTicket>();
        s.AddScoped<CallTicket>();
        s.AddScoped<RecallTicket>();
        s.AddScoped<StartService>();
        s.AddScoped<FinishService>();
        s.AddScoped<MarkNoShow>();
        s.AddScoped<TransferTicket>();
        s.AddScoped<GetCounterDesks>();
        s.AddScoped<ListCounterQueue>();
        s.AddScoped<ListSubstitutes>();
        s.AddScoped<CounterWorkstation>();
    }

    public static void MapCounterEndpoints(this WebApplication app)
    {
        var counter = app.MapGroup("/api/counters/{counterId:guid}").WithTags("Counters")
            .RequireAuthorization(IdentitySetup.StaffPolicy).RequireHall()
            .ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);

        counter.MapPost("/open", (Guid counterId, OpenCounter open, HttpContext http, CancellationToken ct) =>
            open.HandleAsync(counterId, http.User.UserId(), ct)).WithName("OpenCounter");
        counter.MapPost("/close", (Guid counterId, CloseCounter close, HttpContext http, CancellationToken ct) =>
            close.HandleAsync(counterId, http.User.UserId(), ct)).WithName("CloseCounter");
        counter.MapPost("/pause", (Guid counterId, PauseCounterRequest request, PauseCounter pause, HttpContext http, CancellationToken ct) =>
            pause.HandleAsync(counterId, http.User.UserId(), request, ct)).WithName("PauseCounter");
        counter.MapPost("/resume", (Guid counterId, ResumeCounter resume, HttpContext http, CancellationToken ct) =>
            resume.HandleAsync(counterId, http.User.UserId(), ct)).WithName("ResumeCounter");
        counter.MapPost("/call-next", CallNextAsync).WithName("CallNextTicket");

        var ticket = counter.MapGroup("/tickets/{ticketId:guid}");
        ticket.MapPost("/call", (Guid counterId, Guid ticketId, CallTicketRequest request, CallTicket call, HttpContext http, CancellationToken ct) =>
            call.HandleAsync(counterId, http.User.UserId(), ticketId, request, ct)).WithName("CallTicket");
        ticket.MapPost("/recall", (Guid counterId, Guid ticketId, RecallTicket recall, HttpContext http, CancellationToken ct) =>
            recall.HandleAsync(counterId, http.User.UserId(), ticketId, ct)).WithName("RecallTicket");
        ticket.MapPost("/start", (Guid counterId, Guid ticketId, StartService start, HttpContext http, CancellationToken ct) =>
            start.HandleAsync(counterId, http.User.UserId(), ticketId, ct)).WithName("StartService");
        // ?withoutNextStep=true: the patient leaves the visit here instead of going on to the item's next step.
        ticket.MapPost("/finish", (Guid counterId, Guid ticketId, bool? withoutNextStep, FinishService finish, HttpContext http, CancellationToken ct) =>
            finish.HandleAsync(counterId, http.User.UserId(), ticketId, withoutNextStep ?? false, ct)).WithName("FinishService");
        ticket.MapPost("/no-show", (Guid counterId, Guid ticketId, MarkNoShow noShow, HttpContext http, CancellationToken ct) =>
            noShow.HandleAsync(counterId, http.User.UserId(), ticketId, ct)).WithName("MarkNoShow");
        ticket.MapPost("/transfer", (Guid counterId, Guid ticketId, TransferTicketRequest request, TransferTicket transfer, HttpContext http, CancellationToken ct) =>
            transfer.HandleAsync(counterId, http.User.UserId(), ticketId, request, ct)).WithName("TransferTicket");
    }

    private static async Task<Results<Ok<TicketView>, NoContent>> CallNextAsync(Guid counterId, CallNextTicket callNext,
        HttpContext http, CancellationToken ct)
    {
        var ticket = await callNext.HandleAsync(counterId, http.User.UserId(), ct);
        return ticket is null ? TypedResults.NoContent() : TypedResults.Ok(ticket);
    }
}
