using Microsoft.EntityFrameworkCore;
using ServiceHall.Core.Data;
using ServiceHall.Core.Features.Calendar;
using ServiceHall.Core.Features.Halls;

namespace ServiceHall.Core.Features.Cases;

public sealed record ExtendCaseRequest(int? WorkingDays, string? Reason);

/// <summary>
/// 延长审批 (行政许可法 art. 42): with a supervisor's approval the decision period is extended once,
/// by 10 working days unless said otherwise; the reason goes to the applicant on a numbered 延期告知书,
/// and the due and pickup dates move on the hall's calendar.
/// </summary>
public sealed class ExtendCase(HallDbContext db, TimeProvider time, GetCase get)
{
    public async Task<CaseView> HandleAsync(Guid caseId, ExtendCaseRequest request, Guid userId, CancellationToken ct)
    {
        var reason = Reasons.Require(request.Reason, "reason");
        var days = request.WorkingDays ?? SpecialProcedures.DefaultExtensionDays;
        if (days is < 1 or > SpecialProcedures.MaxExtensionDays)
            throw DomainException.Invalid("workingDays", ErrorCodes.OutOfRange, "workingDays", 1, SpecialProcedures.MaxExtensionDays);
        var actor = await CaseAccess.ActorAsync(db, userId, ct);
        if (!actor.IsSupervisor)
            throw new DomainException(ErrorKind.Forbidden, ErrorCodes.ExtensionNeedsSupervisor);
        var now = time.GetUtcNow().UtcDateTime;
        await using (var write = await db.BeginWriteAsync(ct))
        {
            var c = await CaseAccess.LoadForChangeAsync(db, caseId, actor, ct);
            if (!CaseStateMachine.IsRunning(c.Status) || c.DueDate is not { } due)
                throw DomainException.Conflict(ErrorCodes.CaseStateConflict, c.Number, c.Status);
            // Art. 42 allows one extension; a longer need is a new decision, not a second extension.
            if (c.ExtensionNumber is not null)
                throw DomainException.Conflict(ErrorCodes.CaseAlreadyExtended, c.Number, c.ExtensionDays);
            var hall = await db.Halls.AsNoTracking().FirstAsync(h => h.Id == c.HallId, ct);
            var clock = new HallClock(hall.TimeZoneId);
            var calendar = (await HallCalendar.LoadAsync(db, c.HallId, ct)).Calendar;
            CaseAccess.MovePromise(c, SpecialProcedures.Extend(calendar, due, days), calendar, clock, hall);
            c.ExtensionDays = days;
            c.ExtensionReason = reason;
            c.ExtendedAt = now;
            c.ExtendedByUserId = userId;
            c.ExtensionNumber = await DocumentNumbers.NextAsync(db, c.HallId, DocumentKinds.Extension, clock.BusinessDay(now).Year, ct);
            CaseAccess.Step(db, c, CaseStep.Extended, userId, now, reason);
            await CaseAccess.SaveAsync(db, write, ct);
        }
        return await get.HandleAsync(caseId, userId, ct);
    }
}
