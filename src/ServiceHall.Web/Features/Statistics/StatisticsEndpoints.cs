using ServiceHall.Core.Features.Alerts;
using ServiceHall.Core.Features.Statistics;
using ServiceHall.Web.Features.Supervision;
using ServiceHall.Web.Identity;

namespace ServiceHall.Web.Features.Statistics;

/// <summary>
/// The statistics a manager asks for (issue 15): complaint statistics with their 热点, a ticket's whole history, the alert
/// history, the dashboard's figures of past days and the 好差评 figures by month — for the hall's supervisors and the
/// administrators, each kept to its hall.
/// </summary>
public static class StatisticsEndpoints
{
    public static void AddStatistics(this WebApplicationBuilder builder)
    {
        var s = builder.Services;
        s.AddScoped<GetComplaintStatistics>();
        s.AddScoped<LookUpTicket>();
        s.AddScoped<GetAlertHistory>();
        s.AddScoped<GetPastFigures>();
        s.AddScoped<GetSatisfactionByMonth>();
    }

    public static void MapStatisticsEndpoints(this WebApplication app)
    {
        var api = app.MapGroup("/api/halls/{hallId:guid}/statistics").WithTags("Statistics")
            .RequireAuthorization(IdentitySetup.SupervisorPolicy).RequireHall()
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);

        api.MapGet("/complaints", (Guid hallId, DateOnly? from, DateOnly? to, GetComplaintStatistics get, HttpContext http, CancellationToken ct) =>
                get.HandleAsync(hallId, http.User.UserId(), from, to, ct))
            .WithName("GetComplaintStatistics");
        api.MapGet("/tickets", (Guid hallId, string? number, DateOnly? day, LookUpTicket lookUp, HttpContext http, CancellationToken ct) =>
                lookUp.HandleAsync(hallId, http.User.UserId(), number, day, ct))
            .WithName("LookUpTicket");
        api.MapGet("/alerts", (Guid hallId, DateOnly? from, DateOnly? to, string? kind, Guid? serviceItemId, Guid? counterId, GetAlertHistory get,
                HttpContext http, CancellationToken ct) =>
                get.HandleAsync(hallId, http.User.UserId(), from, to,
                    new AlertHistoryFilter(QueryEnum.Parse<AlertKind>(kind, "kind"), serviceItemId, counterId), ct))
            .WithName("GetAlertHistory");
        api.MapGet("/figures", (Guid hallId, DateOnly? from, DateOnly? to, GetPastFigures get, HttpContext http, CancellationToken ct) =>
                get.HandleAsync(hallId, http.User.UserId(), from, to, ct))
            .WithName("GetPastFigures");
        api.MapGet("/satisfaction/months", (Guid hallId, DateOnly? from, DateOnly? to, GetSatisfactionByMonth get, HttpContext http,
                CancellationToken ct) => get.HandleAsync(hallId, http.User.UserId(), from, to, ct))
            .WithName("GetSatisfactionByMonth");
        api.MapStatisticsExports();
    }
}
