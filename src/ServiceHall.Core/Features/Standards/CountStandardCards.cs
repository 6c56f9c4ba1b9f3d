using Microsoft.EntityFrameworkCore;
using ServiceHall.Core.Data;
using ServiceHall.Core.Features.Halls;
using ServiceHall.Core.Features.Supervision;

namespace ServiceHall.Core.Features.Standards;

public sealed record CardCount(Guid UnitId, int Yellow, int Red, int Open);

/// <summary>A month's cards per staff member, counter and department (a counter's card counts for its staff member too).</summary>
public sealed record CardCounts(Guid HallId, int Year, int Month, List<CardCount> Staff, List<CardCount> Counters, List<CardCount> Departments);

/// <summary>
/// Cards counted per month (by the day of the breach) for the monthly assessment (S7): per staff member, counter
/// and department. <see cref="CountAsync"/> is the query the assessment reads; the route is its supervisors' view.
/// </summary>
public sealed class CountStandardCards(HallDbContext db, TimeProvider time)
{
    /// <summary>The month asked for, or the hall's current month.</summary>
    public async Task<CardCounts> HandleAsync(Guid hallId, Guid readerId, int? year, int? month, CancellationToken ct)
    {
        if (year is < 2000 or > 2099)
            throw DomainException.Invalid("year", ErrorCodes.OutOfRange, "year", 2000, 2099);
        if (month is < 1 or > 12)
            throw DomainException.Invalid("month", ErrorCodes.OutOfRange, "month", 1, 12);
        await HallAccess.EnsureAsync(db, hallId, readerId, ct);
        var today = (await HallClock.ForHallAsync(db, hallId, ct)).BusinessDay(time.GetUtcNow().UtcDateTime);
        return await CountAsync(db, hallId, year ?? today.Year, month ?? today.Month, ct);
    }

    public static async Task<CardCounts> CountAsync(HallDbContext db, Guid hallId, int year, int month, CancellationToken ct)
    {
        var from = new DateOnly(year, month, 1);
        var until = from.AddMonths(1);
        var cards = db.StandardCards.AsNoTracking().Where(c => c.HallId == hallId && c.Day >= from && c.Day < until);
        var staff = await cards.Where(c => c.StaffUserId != null).GroupBy(c => c.StaffUserId!.Value)
            .Select(g => new CardCount(g.Key, g.Count(c => c.Colour == CardColour.Yellow), g.Count(c => c.Colour == CardColour.Red),
                g.Count(c => c.Status == CardStatus.Open))).ToListAsync(ct);
        var counters = await cards.Where(c => c.CounterId != null).GroupBy(c => c.CounterId!.Value)
            .Select(g => new CardCount(g.Key, g.Count(c => c.Colour == CardColour.Yellow), g.Count(c => c.Colour == CardColour.Red),
                g.Count(c => c.Status == CardStatus.Open))).ToListAsync(ct);
        var departments = await cards.Where(c => c.DepartmentId != null).GroupBy(c => c.DepartmentId!.Value)
            .Select(g => new CardCount(g.Key, g.Count(c => c.Colour == CardColour.Yellow), g.Count(c => c.Colour == CardColour.Red),
                g.Count(c => c.Status == CardStatus.Open))).ToListAsync(ct);
        return new CardCounts(hallId, year, month, staff, counters, departments);
    }
}
