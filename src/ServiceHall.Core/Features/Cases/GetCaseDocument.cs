using Microsoft.EntityFrameworkCore;
using ServiceHall.Core.Data;
using ServiceHall.Core.Features.Halls;
using ServiceHall.Core.Privacy;

namespace ServiceHall.Core.Features.Cases;

public enum CaseDocumentKind
{
    /// <summary>受理回执.</summary>
    Receipt,
    /// <summary>一次性告知书.</summary>
    OneTimeNotice,
    /// <summary>不予受理通知书.</summary>
    Refusal,
    /// <summary>延期告知书 (art. 42).</summary>
    Extension,
    /// <summary>特别程序告知书: the clock stops for a hearing, testing, appraisal or expert review (art. 45).</summary>
    ClockPause,
}

public sealed record DocumentMaterial(string Name, string Issuer, int Originals, int Copies, string Notes);

/// <summary>Everything a printed document shows; dates are the hall's local dates.</summary>
public sealed record CaseDocument(
    CaseDocumentKind Kind, string DocumentNumber, string HallName, string? HallAddress, string ItemName, string DepartmentName,
    string CaseNumber, string ApplicantName, string ApplicantIdNumber, DateTime IssuedLocal, string StaffName, string? BadgeNumber,
    int? CounterNumber, List<DocumentMaterial> Materials, DateOnly? ReceivedDay, DateOnly? DueDate, DateOnly? PickupDate,
    Guides.TimeLimitClass TimeLimitClass, int PromisedDays, string? NextSteps, string? SpecialNotes, bool IsException,
    string? ExceptionReason, string? RefusalReason, string? RefusalBasis, string ConsultPhone, string SupervisePhone,
    int NoticeSequence, DateOnly? OriginalDueDate = null, int ExtensionDays = 0, string? ExtensionReason = null,
    ClockPauseKind? PauseKind = null, string? PauseReason = null);

/// <summary>
/// The data of a printable document. The applicant's name is printed in full on the paper handed to
/// them, so it is revealed through the vault and the read is audited; the ID number stays masked.
/// </summary>
public sealed class GetCaseDocument(HallDbContext db, IPersonalDataVault vault)
{
    public async Task<CaseDocument> HandleAsync(Guid caseId, CaseDocumentKind kind, Guid? noticeId, Guid userId, string purpose,
        CancellationToken ct)
    {
        var actor = await CaseAccess.ActorAsync(db, userId, ct);
        var c = await db.Cases.AsNoTracking().Include(x => x.Materials).Include(x => x.Notices).Include(x => x.Pauses).AsSplitQuery()
            .FirstOrDefaultAsync(x => x.Id == caseId, ct) ?? throw DomainException.NotFound(ErrorCodes.CaseNotFound);
        CaseAccess.EnsureHall(actor, c.HallId);
        var hall = await db.Halls.AsNoTracking().FirstAsync(h => h.Id == c.HallId, ct);
        var clock = new HallClock(hall.TimeZoneId);
        var item = await db.ServiceItems.AsNoTracking().Where(i => i.Id == c.ServiceItemId).Select(i => LocalNames.Of(i.Name, i.NameEn)).FirstAsync(ct);
        var department = await db.Departments.AsNoTracking().Where(d => d.Id == c.DepartmentId).Select(d => LocalNames.Of(d.Name, d.NameEn)).FirstAsync(ct);
        var guide = await db.ServiceGuides.AsNoTracking().FirstOrDefaultAsync(g => g.ServiceItemId == c.ServiceItemId, ct);
        var counter = c.CounterId is { } counterId
            ? await db.Counters.AsNoTracking().Where(k => k.Id == counterId).Select(k => (int?)k.Number).FirstOrDefaultAsync(ct)
            : null;

        (string Number, DateTime At, Guid By) head;
        OneTimeNotice? notice = null;
        CaseClockPause? pause = null;
        switch (kind)
        {
            case CaseDocumentKind.Receipt when c.ReceiptNumber is not null:
                head = (c.ReceiptNumber, c.AcceptedAt!.Value, c.AcceptedByUserId!.Value);
                break;
            case CaseDocumentKind.Refusal when c.RefusalNumber is not null:
                var refusedBy = await db.CaseEvents.AsNoTracking().Where(e => e.CaseId == c.Id && e.ToStatus == CaseStatus.Refused)
                    .Select(e => e.UserId).FirstAsync(ct);
                head = (c.RefusalNumber, c.RefusedAt!.Value, refusedBy);
                break;
            case CaseDocumentKind.Extension when c.ExtensionNumber is not null:
                head = (c.ExtensionNumber, c.ExtendedAt!.Value, c.ExtendedByUserId!.Value);
                break;
            case CaseDocumentKind.ClockPause:
                pause = c.Pauses.FirstOrDefault(p => p.Id == noticeId) ?? throw DomainException.NotFound(ErrorCodes.NoticeNotFound);
                head = (pause.Number, pause.PausedAt, pause.PausedByUserId);
                break;
            case CaseDocumentKind.OneTimeNotice:
                notice = c.Notices.FirstOrDefault(n => n.Id == noticeId) ?? throw DomainException.NotFound(ErrorCodes.NoticeNotFound);
                head = (notice.Number, notice.IssuedAt, notice.IssuedByUserId);
                break;
            default:
                throw DomainException.Conflict(ErrorCodes.CaseStateConflict, c.Number, c.Status);
        }
        var staff = await db.Users.AsNoTracking().Where(u => u.Id == head.By).Select(u => new { u.DisplayName, u.BadgeNumber }).FirstAsync(ct);
        var name = await vault.RevealAsync(new SealedRef(PersonalDataKind.Name, c.ApplicantNameCipher, RevealApplicant.SubjectType, c.Id, c.HallId),
            userId, purpose, ct);
        List<DocumentMaterial> materials = notice is not null
            ? [.. notice.MissingMaterials.Select(m => new DocumentMaterial(m.Name, m.Issuer, m.Originals, m.Copies, m.Notes))]
            : [.. c.Materials.Where(m => m.Received).OrderBy(m => m.SortOrder)
                .Select(m => new DocumentMaterial(m.Name, m.Issuer, m.Originals, m.Copies, m.Notes))];
        return new CaseDocument(kind, head.Number, LocalNames.Of(hall.Name, hall.NameEn), hall.Address, item, department, c.Number, name, c.ApplicantIdNumberMasked,
            clock.ToLocal(head.At), notice?.StaffName ?? staff.DisplayName, notice is not null ? notice.BadgeNumber : staff.BadgeNumber,
            notice?.CounterNumber ?? counter, materials, c.ReceivedDay, c.DueDate, c.PickupDate, c.TimeLimitClass, c.PromisedDays,
            notice?.NextSteps, notice?.SpecialNotes, notice?.IsException ?? false, notice?.ExceptionReason, c.RefusalReason,
            c.RefusalBasis, guide?.ConsultPhone ?? "", guide?.SupervisePhone ?? "", notice?.SequenceInCase ?? 0,
            c.OriginalDueDate, c.ExtensionDays, c.ExtensionReason, pause?.Kind, pause?.Reason);
    }
}
