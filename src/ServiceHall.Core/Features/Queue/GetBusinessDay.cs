using Microsoft.EntityFrameworkCore;
using ServiceHall.Core.Data;
using ServiceHall.Core.Features.Halls;

namespace ServiceHall.Core.Features.Queue;

/// <summary>Today's business day of a hall as the supervisor sees it: hours, issuing, open tickets, closed or not.</summary>
public sealed record BusinessDayView(Guid HallId, DateOnly Date, HallTodayView Today, int Open, int Expired, bool Closed,
    DateTime? ClosedAt, bool ClosedAutomatically, DateTime DayEndsAt);

public sealed class GetBusinessDay(HallDbContext db, TimeProvider time)
{
    public async Task<BusinessDayView> HandleAsync(Guid hallId, CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var hall = await db.Halls.AsNoTracking().FirstOrDefaultAsync(h => h.Id == hallId, ct)
            ?? throw DomainException.NotFound(ErrorCodes.HallNotFound);
        var clock = new HallClock(hall.TimeZoneId);
        var today = await ListHalls.TodayAsync(db, hall, now, ct);
        var schedule = await HallDays.ScheduleAsync(db, hall, today.Date, ct);
        var counts = await db.Tickets.AsNoTracking().Where(t => t.HallId == hallId && t.BusinessDay == today.Date)
            .GroupBy(t => t.Status).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        var closed = await db.BusinessDays.AsNoTracking().FirstOrDefaultAsync(d => d.HallId == hallId && d.Date == today.Date, ct);
        return new BusinessDayView(hallId, today.Date, today,
            counts.Where(c => c.Key is TicketStatus.Waiting or TicketStatus.Called or TicketStatus.Serving).Sum(c => c.Count),
            counts.Where(c => c.Key == TicketStatus.Expired).Sum(c => c.Count),
            closed is not null, closed?.ClosedAt, closed is { ClosedByUserId: null },
            OpeningHours.DayEndsAt(hall, clock, today.Date, schedule));
    }
}
