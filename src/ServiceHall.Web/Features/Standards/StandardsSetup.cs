using ServiceHall.Core.Features.Identity;
using ServiceHall.Core.Features.Standards;
using ServiceHall.Web.Features.Supervision;
using ServiceHall.Web.Identity;
using ServiceHall.Web.Infrastructure;
using ServiceHall.Web.Realtime;

namespace ServiceHall.Web.Features.Standards;

/// <summary>S9 (达标监察): the verdicts per rule, the yellow and red cards with their scan, and their routes.</summary>
public static class StandardsSetup
{
    /// <summary>A card is read and answered by its staff member, a supervisor or an administrator.</summary>
    public const string CardPolicy = "standard-card";

    public static void AddStandards(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddScoped<ReadStandardFacts>();
        services.AddScoped<GetStandardsReport>();
        services.AddScoped<GetStandardsHistory>();
        services.AddScoped<RankHallStandards>();
        services.AddScoped<UpdateStandardSettings>();
        services.AddScoped<ScanStandardCards>();
        services.AddScoped<ListStandardCards>();
        services.AddScoped<AnswerStandardCard>();
        services.AddScoped<CountStandardCards>();
        services.AddSingleton<IStandardCardNotifier, FeedStandardCardNotifier>();
        services.AddHostedService<StandardsMonitor>();
        services.AddAuthorizationBuilder().AddPolicy(CardPolicy, p => p.RequireRole(Roles.Staff, Roles.Supervisor, Roles.Admin));
    }

    public static void MapStandardsEndpoints(this WebApplication app)
    {
        var hall = app.MapGroup("/api/halls/{hallId:guid}").WithTags("Standards").RequireAuthorization(IdentitySetup.SupervisorPolicy).RequireHall()
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);
        hall.MapGet("/standards", (Guid hallId, string? period, DateOnly? date, string? scope, GetStandardsReport report, HttpContext http,
                CancellationToken ct) => report.HandleAsync(hallId, http.User.UserId(), QueryEnum.Parse<StandardPeriod>(period, "period") ?? StandardPeriod.Day,
                date, QueryEnum.Parse<StandardScope>(scope, "scope") ?? StandardScope.Hall, ct))
            .WithName("GetStandardsReport");
        hall.MapGet("/standards/history", (Guid hallId, string? period, int? count, GetStandardsHistory history, HttpContext http, CancellationToken ct) =>
                history.HandleAsync(hallId, http.User.UserId(), QueryEnum.Parse<StandardPeriod>(period, "period") ?? StandardPeriod.Week, count ?? 8, ct))
            .WithName("GetStandardsHistory");
        hall.MapGet("/standards/settings", (Guid hallId, UpdateStandardSettings settings, HttpContext http, CancellationToken ct) =>
            settings.GetAsync(hallId, http.User.UserId(), ct)).WithName("GetStandardSettings");
        hall.MapPut("/standards/settings", (Guid hallId, StandardSettingsRequest request, UpdateStandardSettings settings, HttpContext http,
            CancellationToken ct) => settings.HandleAsync(hallId, http.User.UserId(), request, ct)).WithName("UpdateStandardSettings");
        hall.MapGet("/standard-cards", (Guid hallId, string? status, DateOnly? month, ListStandardCards list, HttpContext http, CancellationToken ct) =>
                list.ForHallAsync(hallId, http.User.UserId(), QueryEnum.Parse<CardStatus>(status, "status"), month, ct))
            .WithName("ListStandardCards");
        hall.MapGet("/standard-cards/counts", (Guid hallId, int? year, int? month, CountStandardCards counts, HttpContext http, CancellationToken ct) =>
            counts.HandleAsync(hallId, http.User.UserId(), year, month, ct)).WithName("CountStandardCards");

        app.MapGet("/api/standards/halls", (string? period, DateOnly? date, RankHallStandards rank, HttpContext http, CancellationToken ct) =>
                rank.HandleAsync(http.User.UserId(), QueryEnum.Parse<StandardPeriod>(period, "period") ?? StandardPeriod.Month, date, ct))
            .WithTags("Standards").WithName("RankHallStandards").RequireAuthorization(IdentitySetup.SupervisorPolicy)
            .ProducesProblem(StatusCodes.Status400BadRequest);

        var cards = app.MapGroup("/api/standard-cards").WithTags("Standards")
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);
        cards.MapGet("/mine", (ListStandardCards list, HttpContext http, CancellationToken ct) => list.MineAsync(http.User.UserId(), ct))
            .WithName("ListMyStandardCards").RequireAuthorization(IdentitySetup.StaffPolicy);
        cards.MapGet("/{cardId:guid}", (Guid cardId, ListStandardCards list, HttpContext http, CancellationToken ct) =>
            list.GetAsync(cardId, http.User.UserId(), ct)).WithName("GetStandardCard").RequireAuthorization(CardPolicy).RequireHall();
        cards.MapPost("/{cardId:guid}/response", (Guid cardId, AnswerStandardCardRequest request, AnswerStandardCard answer, HttpContext http,
                CancellationToken ct) => answer.HandleAsync(cardId, http.User.UserId(), request, ct))
            .WithName("AnswerStandardCard").RequireAuthorization(CardPolicy).RequireHall()
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status409Conflict);
    }
}

/// <summary>Scans every hall's last days for breaches every <c>Standards:ScanSeconds</c> (60 by default) and issues their cards; one node at a time.</summary>
public sealed class StandardsMonitor(IServiceScopeFactory scopes, IConfiguration configuration, ILogger<StandardsMonitor> logger)
    : PeriodicHallScan(scopes, logger)
{
    protected override TimeSpan Period => TimeSpan.FromSeconds(Math.Max(1, configuration.GetValue("Standards:ScanSeconds", 60)));

    protected override Task ScanHallAsync(IServiceProvider services, Guid hallId, CancellationToken ct) =>
        services.GetRequiredService<ScanStandardCards>().HandleAsync(hallId, ct);
}

/// <summary>
/// New cards go to the hall's open pages through the hall event feed (and, with several nodes, its Redis relay),
/// not to the anonymous hall hub: a card names who broke a rule.
/// </summary>
public sealed class FeedStandardCardNotifier(HallEventFeed feed) : IStandardCardNotifier
{
    public Task CardsIssuedAsync(IReadOnlyList<StandardCardIssued> cards)
    {
        foreach (var card in cards)
            feed.Publish(new HallEvent(card.HallId, HallEventKind.CardIssued, card));
        return Task.CompletedTask;
    }
}
