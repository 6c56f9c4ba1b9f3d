using Microsoft.EntityFrameworkCore;
using ServiceHall.Core.Data;
using ServiceHall.Core.Features.Halls;
using ServiceHall.Core.Features.Supervision;

namespace ServiceHall.Core.Features.Standards;

/// <summary>One past period of a hall: its rules' verdicts at hall level and the cards issued for its days.</summary>
/// <param name="NoData">Rules with nothing to judge; all of them in a period without any record (the score is then null).</param>
public sealed record StandardsHistoryPoint(DateOnly From, DateOnly To, double? Score, int Green, int Yellow, int Red, int NoData, int YellowCards,
    int RedCards);

/// <summary>The last weeks or months of a hall, oldest first, for the history charts; the records are read once for the whole span.</summary>
public sealed class GetStandardsHistory(HallDbContext db, TimeProvider time, ReadStandardFacts read)
{
    public const int MaxPeriods = 12;

    public async Task<List<StandardsHistoryPoint>> HandleAsync(Guid hallId, Guid readerId, StandardPeriod period, int count, CancellationToken ct)
    {
        if (!Enum.IsDefined(period))
            throw DomainException.Invalid("period", ErrorCodes.BadRequest);
        if (count is < 1 or > MaxPeriods)
            throw DomainException.Invalid("count", ErrorCodes.OutOfRange, "count", 1, MaxPeriods);
        await HallAccess.EnsureAsync(db, hallId, readerId, ct);
        var hall = await db.Halls.AsNoTracking().FirstAsync(h => h.Id == hallId, ct);
        var now = time.GetUtcNow().UtcDateTime;
        var periods = StandardPeriods.Last(period, new HallClock(hall.TimeZoneId).BusinessDay(now), count);
        var (from, until) = (periods[0].From, periods[^1].Until);
        var rules = await HallStandards.LoadAsync(db, hallId, ct);
        var facts = await read.HandleAsync(hall, rules, from, until, now, withRecords: false, ct);
        var cards = await db.StandardCards.AsNoTracking().Where(c => c.HallId == hallId && c.Day >= from && c.Day < until)
            .Select(c => new { c.Day, c.Colour }).ToListAsync(ct);
        return [.. periods.Select(p =>
        {
            var cells = StandardFigures.Compute(hallId, StandardScope.Hall, rules, facts.Where(f => f.Day >= p.From && f.Day < p.Until), [hallId]);
            var (green, yellow, red) = (cells.Count(c => c.Verdict == Verdict.Green), cells.Count(c => c.Verdict == Verdict.Yellow),
                cells.Count(c => c.Verdict == Verdict.Red));
            var periodCards = cards.Where(c => c.Day >= p.From && c.Day < p.Until).ToList();
            return new StandardsHistoryPoint(p.From, p.Until.AddDays(-1), RankHallStandards.Score(green, yellow, red), green, yellow, red,
                cells.Count(c => c.Verdict == Verdict.NoData),
                periodCards.Count(c => c.Colour == CardColour.Yellow), periodCards.Count(c => c.Colour == CardColour.Red));
        })];
    }
}
