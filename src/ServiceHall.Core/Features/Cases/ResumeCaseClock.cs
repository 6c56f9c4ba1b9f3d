using Microsoft.EntityFrameworkCore;
using ServiceHall.Core.Data;
using ServiceHall.Core.Features.Calendar;
using ServiceHall.Core.Features.Halls;

namespace ServiceHall.Core.Features.Cases;

/// <summary>
/// The hearing, test, appraisal or review is over: the clock runs again and the due date (with the
/// pickup date) moves by the working days it stood still (art. 45).
/// </summary>
public sealed class ResumeCaseClock(HallDbContext db, TimeProvider time, GetCase get)
{
    public async Task<CaseView> HandleAsync(Guid caseId, Guid userId, CancellationToken ct)
    {
        var actor = await CaseAccess.ActorAsync(db, userId, ct);
        var now = time.GetUtcNow().UtcDateTime;
        await using (var write = await db.BeginWriteAsync(ct))
        {
            var c = await CaseAccess.LoadForChangeAsync(db, caseId, actor, ct);
            var pause = c.Pauses.FirstOrDefault(p => p.ResumedAt is null);
            if (c.ClockPausedAt is null || pause is null || c.DueDate is not { } due)
                throw DomainException.Conflict(ErrorCodes.CaseClockNotPaused, c.Number);
            var hall = await db.Halls.AsNoTracking().FirstAsync(h => h.Id == c.HallId, ct);
            var clock = new HallClock(hall.TimeZoneId);
            var calendar = (await HallCalendar.LoadAsync(db, c.HallId, ct)).Calendar;
            var today = clock.BusinessDay(now);
            var days = SpecialProcedures.PausedWorkingDays(calendar, pause.PausedDay, today);
            pause.ResumedAt = now;
            pause.ResumedDay = today;
            pause.ResumedByUserId = userId;
            pause.WorkingDays = days;
            c.ClockPausedAt = null;
            c.PausedWorkingDays += days;
            if (days > 0)
                CaseAccess.MovePromise(c, SpecialProcedures.AfterPause(calendar, due, days), calendar, clock, hall);
            CaseAccess.Step(db, c, CaseStep.ClockResumed, userId, now, pause.Reason);
            await CaseAccess.SaveAsync(db, write, ct);
        }
        return await get.HandleAsync(caseId, userId, ct);
    }
}
