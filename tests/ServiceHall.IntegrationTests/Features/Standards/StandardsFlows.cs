using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using ServiceHall.Core.Features.Standards;
using ServiceHall.IntegrationTests.Infrastructure;

namespace ServiceHall.IntegrationTests.Features.Standards;

/// <summary>Steps the standards tests share: the card scan, a card written directly (for the route table), a report's cells.</summary>
public static class StandardsFlows
{
    public static async Task<int> ScanCardsAsync(HallApp app, Guid hallId)
    {
        using var scope = app.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<ScanStandardCards>().HandleAsync(hallId, CancellationToken.None);
    }

    /// <summary>The cell of a rule (camelCase, as the API names it) for one unit of a report.</summary>
    public static JsonNode Cell(JsonObject report, string rule, Guid unitId) =>
        report["cells"]!.AsArray().Single(c => c!["rule"]!.GetValue<string>() == rule && c["unitId"]!.GetValue<Guid>() == unitId)!;
}

public static class StandardCardSeed
{
    /// <summary>An open red card of the hall's first counter, answered by the given staff member.</summary>
    public static async Task<Guid> AddAsync(HallApp app, Guid hallId, Guid counterId, Guid staffUserId)
    {
        var card = new StandardCard
        {
            Id = Guid.CreateVersion7(), HallId = hallId, Rule = StandardRule.LongestWait, Colour = CardColour.Red, Unit = StandardScope.Counter,
            UnitId = counterId, CounterId = counterId, StaffUserId = staffUserId, Day = app.Today, Figure = 12, Threshold = 10,
            Records = "A001 12′", IssuedAt = app.Clock.GetUtcNow().UtcDateTime, Status = CardStatus.Open,
        };
        await app.WithDbAsync(async db =>
        {
            db.StandardCards.Add(card);
            await db.SaveChangesAsync();
        });
        return card.Id;
    }
}
