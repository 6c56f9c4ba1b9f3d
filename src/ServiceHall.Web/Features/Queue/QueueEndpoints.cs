using Microsoft.AspNetCore.Http.HttpResults;
using ServiceHall.Core;
using ServiceHall.Core.Features.Devices;
using ServiceHall.Core.Features.Queue;
using ServiceHall.Web.Features.Devices;
using ServiceHall.Web.Identity;
using ServiceHall.Web.Infrastructure;

namespace ServiceHall.Web.Features.Queue;

public static class QueueEndpoints
{
    public static void AddQueue(this WebApplicationBuilder builder)
    {
        // One writer until several are shown to help on PostgreSQL (docs/PERFORMANCE.md, "PostgreSQL").
        builder.Services.AddSingleton(new TicketIssueOptions(builder.Configuration.GetValue("Queue:IssueWriters", 1)));
        builder.Services.AddSingleton<TicketIssueBatcher>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<TicketIssueBatcher>());
        builder.Services.AddScoped<IssueTicket>();
        builder.Services.AddScoped<GetTicket>();
        builder.Services.AddScoped<GetQueueOverview>();
        builder.Services.AddScoped<RequeueTicket>();
        builder.Services.AddScoped<EndBusinessDay>();
        builder.Services.AddHostedService<DayEndMonitor>();
    }

    public static void MapQueueEndpoints(this WebApplication app)
    {
        var api = app.MapGroup("/api").WithTags("Queue");
        api.MapPost("/halls/{hallId:guid}/tickets", IssueAsync).WithName("IssueTicket")
            .RequireHall().RequireRateLimiting(PlatformSetup.TicketIssuePolicy)
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status429TooManyRequests);
        api.MapGet("/tickets/{ticketId:guid}", (Guid ticketId, GetTicket get, CancellationToken ct) => get.HandleAsync(ticketId, ct))
            .WithName("GetTicket").ProducesProblem(StatusCodes.Status404NotFound);
        api.MapGet("/halls/{hallId:guid}/queue", (Guid hallId, GetQueueOverview get, CancellationToken ct) => get.HandleAsync(hallId, ct))
            .WithName("GetQueue").ProducesProblem(StatusCodes.Status404NotFound);
        api.MapPost("/tickets/{ticketId:guid}/requeue",
                (Guid ticketId, RequeueTicket requeue, HttpContext http, CancellationToken ct) => requeue.HandleAsync(ticketId, http.User.UserId(), ct))
            .WithName("RequeueTicket").RequireAuthorization(IdentitySetup.FrontDeskPolicy).RequireHall()
            .ProducesProblem(StatusCodes.Status409Conflict);
    }

    private static async Task<Created<TicketView>> IssueAsync(Guid hallId, IssueTicketRequest request, IssueTicket issue,
        HttpContext http)
    {
        var user = http.User;
        // P2: of the devices only a kiosk issues (its own hall only: the hall policy of the route).
        var device = http.Device();
        if (device is not null && device.Kind != DeviceKind.Kiosk)
            throw new DomainException(ErrorKind.Forbidden, DeviceErrorCodes.NotItsJob);
        var issuer = new Issuer(user.Identity?.IsAuthenticated != true, device is not null);
        var ticket = await issue.HandleAsync(hallId, request, issuer);
        return TypedResults.Created($"/api/tickets/{ticket.Id}", ticket);
    }
}
