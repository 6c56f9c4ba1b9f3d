using Microsoft.EntityFrameworkCore;
using ServiceHall.Core.Data;
using ServiceHall.Core.Features.Halls;

namespace ServiceHall.Core.Features.Cases;

public sealed record PauseCaseClockRequest(ClockPauseKind? Kind, string? Reason);

/// <summary>
/// 行政许可法 art. 45: the time of a hearing, testing, appraisal or expert review does not count. The
/// clock of a running case stops with a reason, told to the applicant on a numbered 特别程序告知书;
/// no deadline warning or alert is raised until it resumes.
/// </summary>
public sealed class PauseCaseClock(HallDbContext db, TimeProvider time, GetCase get)
{
    public async Task<CaseView> HandleAsync(Guid caseId, PauseCaseClockRequest request, Guid userId, CancellationToken ct)
    {
        var kind = request.Kind ?? throw DomainException.Required("kind");
        var reason = Reasons.Require(request.Reason, "reason");
        var actor = await CaseAccess.ActorAsync(db, userId, ct);
        var now = time.GetUtcNow().UtcDateTime;
        await using (var write = await db.BeginWriteAsync(ct))
        {
            var c = await CaseAccess.LoadForChangeAsync(db, caseId, actor, ct);
            if (!CaseStateMachine.IsRunning(c.Status) || c.DueAt is not { } dueAt)
                throw DomainException.Conflict(ErrorCodes.CaseStateConflict, c.Number, c.Status);
            if (c.ClockPausedAt is not null)
                throw DomainException.Conflict(ErrorCodes.CaseClockAlreadyPaused, c.Number);
            // A period already run out cannot be stopped after the fact: the special procedure must start in time.
            if (now >= dueAt)
                throw DomainException.Conflict(ErrorCodes.CaseOverdueCannotPause, c.Number);
            var hall = await db.Halls.AsNoTracking().FirstAsync(h => h.Id == c.HallId, ct);
            var clock = new HallClock(hall.TimeZoneId);
            var pause = new CaseClockPause
            {
                Id = Guid.CreateVersion7(now), CaseId = c.Id, Kind = kind, Reason = reason, PausedAt = now,
                PausedDay = clock.BusinessDay(now), PausedByUserId = userId,
                Number = await DocumentNumbers.NextAsync(db, c.HallId, DocumentKinds.ClockPause, clock.BusinessDay(now).Year, ct),
            };
            db.Add(pause);
            c.ClockPausedAt = now;
            CaseAccess.Step(db, c, CaseStep.ClockPaused, userId, now, reason);
            await CaseAccess.SaveAsync(db, write, ct);
        }
        return await get.HandleAsync(caseId, userId, ct);
    }
}
