using Microsoft.EntityFrameworkCore;
using ServiceHall.Core.Data;
using ServiceHall.Core.Features.Calendar;
using ServiceHall.Core.Features.Halls;

namespace ServiceHall.Core.Features.Cases;

public sealed record AcceptCaseRequest(List<Guid>? ReceivedMaterialIds);

/// <summary>
/// 受理: every required material is present, so the case is accepted with a numbered receipt that
/// states the promised completion date and the pickup date, both from the hall's working-day calendar.
/// </summary>
public sealed class AcceptCase(HallDbContext db, TimeProvider time, GetCase get)
{
    public async Task<CaseView> HandleAsync(Guid caseId, AcceptCaseRequest request, Guid userId, CancellationToken ct)
    {
        var actor = await CaseAccess.ActorAsync(db, userId, ct);
        var now = time.GetUtcNow().UtcDateTime;
        await using (var write = await db.BeginWriteAsync(ct))
        {
            var c = await CaseAccess.LoadForChangeAsync(db, caseId, actor, ct);
            if (!CaseStateMachine.MaterialsEditable(c.Status))
                throw DomainException.Conflict(ErrorCodes.CaseStateConflict, c.Number, c.Status);
            if (request.ReceivedMaterialIds is not null)
                CaseAccess.Tick(c, request.ReceivedMaterialIds);
            var missing = CaseAccess.Missing(c);
            if (missing.Count > 0)
                throw DomainException.Conflict(ErrorCodes.MaterialsMissing, c.Number, string.Join("、", missing.Select(m => m.Name)));

            var hall = await db.Halls.AsNoTracking().FirstAsync(h => h.Id == c.HallId, ct);
            var clock = new HallClock(hall.TimeZoneId);
            var calendar = await HallCalendar.LoadAsync(db, c.HallId, ct);
            var promise = CasePromise.Compute(calendar.Calendar, clock, hall, now, c.TimeLimitClass, c.PromisedDays, c.PickupAfterWorkingDays);
            c.AcceptedAt = now;
            c.AcceptedByUserId = userId;
            c.ReceiptNumber = await DocumentNumbers.NextAsync(db, c.HallId, DocumentKinds.Receipt, clock.BusinessDay(now).Year, ct);
            c.ReceivedDay = promise.ReceivedDay;
            c.DueDate = promise.DueDate;
            c.DueAt = promise.DueAtUtc;
            c.PickupDate = promise.PickupDate;
            CaseAccess.Move(db, c, CaseStatus.Accepted, userId, now, c.ReceiptNumber);
            await CaseAccess.SaveAsync(db, write, ct);
        }
        return await get.HandleAsync(caseId, userId, ct);
    }
}
