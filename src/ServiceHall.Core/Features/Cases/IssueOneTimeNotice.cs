using Microsoft.EntityFrameworkCore;
using ServiceHall.Core.Data;
using ServiceHall.Core.Features.Guides;
using ServiceHall.Core.Features.Halls;
using ServiceHall.Core.Input;

namespace ServiceHall.Core.Features.Cases;

public sealed record IssueOneTimeNoticeRequest(List<Guid>? ReceivedMaterialIds, [Text(GuideLimits.Long, MultiLine = true)] string? NextSteps,
    [Text(GuideLimits.Long, MultiLine = true)] string? SpecialNotes);

/// <summary>
/// M3 (一次性告知): when required materials are missing, one numbered notice lists all of them with the
/// next steps and the item's special points, and the case waits for 补正. A second notice for the
/// same case is allowed only after a supervisor gave a reason, and is flagged as an exception.
/// </summary>
public sealed class IssueOneTimeNotice(HallDbContext db, TimeProvider time, GetCase get)
{
    public async Task<CaseView> HandleAsync(Guid caseId, IssueOneTimeNoticeRequest request, Guid userId, CancellationToken ct)
    {
        var nextSteps = Optional(request.NextSteps, "nextSteps");
        var specialNotes = Optional(request.SpecialNotes, "specialNotes");
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
            if (missing.Count == 0)
                throw DomainException.Conflict(ErrorCodes.NoMaterialsMissing, c.Number);
            var isException = c.Notices.Count > 0;
            if (isException && c.ExtraNoticeReason is null)
                throw DomainException.Conflict(ErrorCodes.SecondNoticeNeedsSupervisor, c.Number);

            var hall = await db.Halls.AsNoTracking().FirstAsync(h => h.Id == c.HallId, ct);
            var guide = await db.ServiceGuides.AsNoTracking().FirstOrDefaultAsync(g => g.ServiceItemId == c.ServiceItemId, ct);
            var counterNumber = await db.CounterSessions.AsNoTracking()
                .Where(s => s.ClosedAt == null && (s.UserId == userId || s.SubstituteUserId == userId))
                .Join(db.Counters, s => s.CounterId, k => k.Id, (s, k) => (int?)k.Number).FirstOrDefaultAsync(ct);
            var notice = new OneTimeNotice
            {
                Id = Guid.CreateVersion7(now), CaseId = c.Id, HallId = c.HallId,
                Number = await DocumentNumbers.NextAsync(db, c.HallId, DocumentKinds.Notice, new HallClock(hall.TimeZoneId).BusinessDay(now).Year, ct),
                SequenceInCase = c.Notices.Count + 1, IssuedAt = now, IssuedByUserId = userId, StaffName = actor.DisplayName,
                BadgeNumber = actor.BadgeNumber, CounterNumber = counterNumber,
                MissingMaterials = [.. missing.Select(m => new NoticeMaterial
                {
                    Name = m.Name, Issuer = m.Issuer, Originals = m.Originals, Copies = m.Copies, Notes = m.Notes,
                })],
                NextSteps = nextSteps ?? "",
                SpecialNotes = specialNotes ?? guide?.SpecialNotes ?? "",
                IsException = isException,
                ExceptionReason = isException ? c.ExtraNoticeReason : null,
                ExceptionApprovedByUserId = isException ? c.ExtraNoticeApprovedByUserId : null,
            };
            db.OneTimeNotices.Add(notice);
            // The approval covers one notice only.
            c.ExtraNoticeReason = null;
            c.ExtraNoticeApprovedByUserId = null;
            CaseAccess.Move(db, c, CaseStatus.AwaitingResubmission, userId, now, notice.Number);
            await CaseAccess.SaveAsync(db, write, ct);
        }
        return await get.HandleAsync(caseId, userId, ct);
    }

    private static string? Optional(string? value, string field)
    {
        var text = value?.Trim();
        if (text is { Length: > GuideLimits.Long })
            throw DomainException.Invalid(field, ErrorCodes.TooLong, field, GuideLimits.Long);
        return string.IsNullOrEmpty(text) ? null : text;
    }
}
