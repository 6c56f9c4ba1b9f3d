using Microsoft.EntityFrameworkCore;
using ServiceHall.Core.Data;
using ServiceHall.Core.Features.Halls;
using ServiceHall.Core.Features.Supervision;

namespace ServiceHall.Core.Features.Standards;

/// <param name="Score">Rules kept, as a share: a green rule counts whole, a yellow one half, of the rules with data.</param>
public sealed record HallStanding(int Rank, Guid HallId, string HallName, double? Score, int Green, int Yellow, int Red, int NoData,
    int YellowCards, int RedCards, int OpenCards);

/// <param name="Date">The day asked for; null for each hall's today.</param>
public sealed record HallRanking(StandardPeriod Period, DateOnly? Date, List<HallStanding> Halls);

/// <summary>
/// Every hall of the installation the reader may see (a city-wide account: all; a hall's supervisor: their own), ranked by
/// how many of its rules it kept over the period, then by fewer red verdicts; with the cards of the period and those still open.
/// </summary>
public sealed class RankHallStandards(HallDbContext db, TimeProvider time, ReadStandardFacts read)
{
    public async Task<HallRanking> HandleAsync(Guid readerId, StandardPeriod period, DateOnly? date, CancellationToken ct)
    {
        if (!Enum.IsDefined(period))
            throw DomainException.Invalid("period", ErrorCodes.BadRequest);
        var own = await HallAccess.UserHallAsync(db, readerId, ct);
        var halls = await db.Halls.AsNoTracking().Where(h => own == null || h.Id == own).OrderBy(h => h.Name).ToListAsync(ct);
        var now = time.GetUtcNow().UtcDateTime;
        var standings = new List<HallStanding>();
        foreach (var hall in halls)
        {
            var (from, until) = StandardPeriods.Range(period, date ?? new HallClock(hall.TimeZoneId).BusinessDay(now));
            var rules = await HallStandards.LoadAsync(db, hall.Id, ct);
            var facts = await read.HandleAsync(hall, rules, from, until, now, withRecords: false, ct);
            var cells = StandardFigures.Compute(hall.Id, StandardScope.Hall, rules, facts, [hall.Id]);
            var cards = await db.StandardCards.AsNoTracking().Where(c => c.HallId == hall.Id && ((c.Day >= from && c.Day < until) || c.Status == CardStatus.Open))
                .Select(c => new { c.Day, c.Colour, c.Status }).ToListAsync(ct);
            var inPeriod = cards.Where(c => c.Day >= from && c.Day < until).ToList();
            var (green, yellow, red) = (Count(cells, Verdict.Green), Count(cells, Verdict.Yellow), Count(cells, Verdict.Red));
            standings.Add(new HallStanding(0, hall.Id, hall.Name, Score(green, yellow, red), green, yellow, red, Count(cells, Verdict.NoData),
                inPeriod.Count(c => c.Colour == CardColour.Yellow), inPeriod.Count(c => c.Colour == CardColour.Red),
                cards.Count(c => c.Status == CardStatus.Open)));
        }
        // Ties keep the Chinese names' order in every language; the name shown is the page's.
        var english = halls.ToDictionary(h => h.Id, h => h.NameEn);
        var ranked = standings.OrderByDescending(s => s.Score ?? -1).ThenBy(s => s.Red).ThenBy(s => s.HallName, StringComparer.Ordinal)
            .Select((s, i) => s with { Rank = i + 1, HallName = LocalNames.Of(s.HallName, english[s.HallId]) }).ToList();
        return new HallRanking(period, date, ranked);
    }

    public static double? Score(int green, int yellow, int red) =>
        green + yellow + red == 0 ? null : Math.Round(100.0 * (green + 0.5 * yellow) / (green + yellow + red), 1);

    private static int Count(List<StandardCell> cells, Verdict verdict) => cells.Count(c => c.Verdict == verdict);
}
