using Microsoft.EntityFrameworkCore;
using ServiceHall.Core.Data;
using ServiceHall.Core.Features.Halls;
using ServiceHall.Core.Features.Tallies;

namespace ServiceHall.Core.Features.Queue;

/// <summary>
/// Q7: the day ends only when everyone who took a ticket before the cut-off has been served
/// ("不准以…已到下班时间为由，拒绝办事人员的办事要求"). After closing, no ticket is issued for it.
/// </summary>
public sealed class CloseBusinessDay(HallDbContext db, TimeProvider time, TallyDay tally)
{
    public async Task HandleAsync(Guid hallId, DateOnly date, Guid? userId, CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        // A supervisor bound to a hall closes that hall's day only.
        if (userId is { } user)
            await Supervision.HallAccess.EnsureAsync(db, hallId, user, ct);
        await using var write = await db.BeginWriteAsync(ct);
        var hall = await db.Halls.AsNoTracking().FirstOrDefaultAsync(h => h.Id == hallId, ct)
            ?? throw DomainException.NotFound(ErrorCodes.HallNotFound);
        var clock = new HallClock(hall.TimeZoneId);
        var today = clock.BusinessDay(now);
        var schedule = await HallDays.ScheduleAsync(db, hall, today, ct);
        if (date > today || (date == today && schedule.Open && clock.LocalTime(now) < schedule.IssueCutoff))
            throw DomainException.Conflict(ErrorCodes.BusinessDayStillIssuing, date.ToString("yyyy-MM-dd"));
        if (await db.BusinessDays.AnyAsync(d => d.HallId == hallId && d.Date == date, ct))
            throw DomainException.Conflict(ErrorCodes.BusinessDayClosed);
        var open = await db.Tickets.CountAsync(t => t.HallId == hallId && t.BusinessDay == date
            && (t.Status == TicketStatus.Waiting || t.Status == TicketStatus.Called || t.Status == TicketStatus.Serving), ct);
        if (open > 0)
            throw DomainException.Conflict(ErrorCodes.BusinessDayHasQueue, open);
        db.BusinessDays.Add(new BusinessDay { HallId = hallId, Date = date, ClosedAt = now, ClosedByUserId = userId });
        await db.SaveChangesAsync(ct);
        await write.CommitAsync(ct);
        await write.DisposeAsync();
        // Its tickets are decided now: sum them once for the manager's pages (ADR-026).
        await tally.AfterCloseAsync(hallId, date, ct);
    }
}
