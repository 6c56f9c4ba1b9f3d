using Microsoft.EntityFrameworkCore;
using ServiceHall.Core.Data;
using ServiceHall.Core.Features.Halls;
using ServiceHall.Core.Features.Queue;

namespace ServiceHall.Core.Features.Tallies;

/// <summary>A span's tickets per day, counter, staff member and item, and per UTC hour: stored for decided days, live for the rest.</summary>
public sealed record DayTallies(List<TicketTally> Tickets, List<HourTallyRow> Hours);

/// <summary>
/// The tickets of a span of a hall's days as the manager's pages read them (ADR-026): a decided day from its tally,
/// tallied here first if it has none yet (an upgraded installation, a day nobody closed); today and any day with a
/// ticket still open from the same statement, live.
/// </summary>
public sealed class ReadDayTallies(HallDbContext db, TimeProvider time, TallyDay tally)
{
    /// <param name="to">The last day, inclusive.</param>
    public async Task<DayTallies> HandleAsync(Guid hallId, DateOnly from, DateOnly to, CancellationToken ct)
    {
        var clock = await HallClock.ForHallAsync(db, hallId, ct);
        var today = clock.BusinessDay(time.GetUtcNow().UtcDateTime);
        var tallied = (await db.Set<TalliedDay>().AsNoTracking().Where(d => d.HallId == hallId && d.Day >= from && d.Day <= to)
            .Select(d => d.Day).ToListAsync(ct)).ToHashSet();
        // No ticket is ever issued for a day after today.
        var last = to < today ? to : today;
        var others = new List<DateOnly>();
        for (var day = from; day <= last; day = day.AddDays(1))
            if (!tallied.Contains(day))
                others.Add(day);

        var live = new List<DateOnly>();
        if (others.Count > 0)
        {
            var withTickets = await db.Tickets.AsNoTracking().Where(t => t.HallId == hallId && others.Contains(t.BusinessDay))
                .GroupBy(t => t.BusinessDay)
                .Select(g => new
                {
                    Day = g.Key,
                    Open = g.Sum(t => t.Status == TicketStatus.Waiting || t.Status == TicketStatus.Called || t.Status == TicketStatus.Serving ? 1 : 0),
                })
                .ToDictionaryAsync(x => x.Day, x => x.Open, ct);
            var closed = (await db.BusinessDays.AsNoTracking().Where(d => d.HallId == hallId && others.Contains(d.Date))
                .Select(d => d.Date).ToListAsync(ct)).ToHashSet();
            var empty = new List<DateOnly>();
            foreach (var day in others)
            {
                var decided = DecidedDays.IsDecided(day, today, closed.Contains(day), withTickets.GetValueOrDefault(day));
                if (decided && !withTickets.ContainsKey(day))
                    empty.Add(day);
                else if (decided && await tally.HandleAsync(hallId, day, ct))
                    tallied.Add(day);
                else if (withTickets.ContainsKey(day))
                    live.Add(day);
            }
            // A decided day without tickets gets its mark too, so that it is not looked at again.
            await tally.MarkEmptyAsync(hallId, empty, ct);
        }

        var tickets = tallied.Count == 0 ? [] : (await db.Set<DayTally>().AsNoTracking()
                .Where(t => t.HallId == hallId && t.Day >= from && t.Day <= to).ToListAsync(ct))
            .Select(t => t.ToTally()).ToList();
        var hours = tallied.Count == 0 ? [] : await db.Set<HourTally>().AsNoTracking()
            .Where(t => t.HallId == hallId && t.Day >= from && t.Day <= to)
            .Select(t => new HourTallyRow { Day = t.Day, UtcHour = t.UtcHour, Issued = t.Issued, Served = t.Served }).ToListAsync(ct);
        foreach (var day in live)
        {
            tickets.AddRange(await DayTallySql.TicketsAsync(db, hallId, day, day, ct));
            hours.AddRange(await DayTallySql.HoursAsync(db, hallId, day, day, ct));
        }
        return new DayTallies(tickets, hours);
    }
}
