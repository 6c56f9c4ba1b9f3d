using Microsoft.EntityFrameworkCore;
using ServiceHall.Core.Data;
using ServiceHall.Core.Features.Calendar;
using ServiceHall.Core.Features.Guides;
using ServiceHall.Core.Features.Halls;

namespace ServiceHall.Core.Features.Cases;

public sealed record CaseMaterialView(Guid MaterialId, string Name, string Issuer, int Originals, int Copies, bool IsRequired,
    string Notes, bool Received);

public sealed record CaseEventView(CaseStatus? FromStatus, CaseStatus ToStatus, DateTime At, Guid UserId, string? UserName, string? Note,
    CaseStep? Step);

/// <summary>One pause of the clock (art. 45) with its notice's number and the working days that did not count.</summary>
public sealed record ClockPauseView(Guid Id, string Number, ClockPauseKind Kind, string Reason, DateTime PausedAt, DateOnly PausedDay,
    DateTime? ResumedAt, DateOnly? ResumedDay, int WorkingDays);

public sealed record NoticeSummary(Guid Id, string Number, DateTime IssuedAt, int MissingCount, bool IsException, string? ExceptionReason);

/// <summary>A case as staff see it: personal data masked, every change with who and when, the deadline's state.</summary>
public sealed record CaseView(
    Guid Id, Guid HallId, string Number, Guid ServiceItemId, string ItemName, Guid DepartmentId, string DepartmentName,
    Guid? TicketId, CaseStatus Status, string ApplicantName, string ApplicantIdNumber, string ApplicantPhone,
    DateTime RegisteredAt, TimeLimitClass TimeLimitClass, int PromisedDays, DateTime? AcceptedAt, string? ReceiptNumber,
    DateOnly? ReceivedDay, DateOnly? DueDate, DateOnly? PickupDate, DeadlineState? Deadline, int DaysOverdue,
    DateTime? CompletedAt, string? Result, DateTime? PickedUpAt, string? RefusalReason, string? RefusalBasis,
    string? RefusalNumber, string? WithdrawalReason, bool ExtraNoticeApproved, List<CaseMaterialView> Materials,
    List<NoticeSummary> Notices, List<CaseEventView> Events, List<CaseStatus> NextStates,
    DateOnly? OriginalDueDate, int ExtensionDays, string? ExtensionReason, string? ExtensionNumber, DateTime? ExtendedAt,
    bool ClockPaused, int PausedWorkingDays, List<ClockPauseView> Pauses);

public sealed class GetCase(HallDbContext db, TimeProvider time)
{
    public async Task<CaseView> HandleAsync(Guid caseId, Guid userId, CancellationToken ct)
    {
        var actor = await CaseAccess.ActorAsync(db, userId, ct);
        var c = await db.Cases.AsNoTracking().Include(x => x.Materials).Include(x => x.Notices).Include(x => x.Events)
            .Include(x => x.Pauses).AsSplitQuery().FirstOrDefaultAsync(x => x.Id == caseId, ct)
            ?? throw DomainException.NotFound(ErrorCodes.CaseNotFound);
        CaseAccess.EnsureHall(actor, c.HallId);
        var item = await db.ServiceItems.AsNoTracking().Where(i => i.Id == c.ServiceItemId).Select(i => LocalNames.Of(i.Name, i.NameEn)).FirstAsync(ct);
        var department = await db.Departments.AsNoTracking().Where(d => d.Id == c.DepartmentId).Select(d => LocalNames.Of(d.Name, d.NameEn)).FirstAsync(ct);
        var userIds = c.Events.Select(e => e.UserId).Distinct().ToList();
        var users = await db.Users.AsNoTracking().Where(u => userIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);
        var (state, overdue) = await DeadlineAsync(c, ct);
        return new CaseView(c.Id, c.HallId, c.Number, c.ServiceItemId, item, c.DepartmentId, department, c.TicketId, c.Status,
            c.ApplicantNameMasked, c.ApplicantIdNumberMasked, c.ApplicantPhoneMasked, c.RegisteredAt, c.TimeLimitClass,
            c.PromisedDays, c.AcceptedAt, c.ReceiptNumber, c.ReceivedDay, c.DueDate, c.PickupDate, state, overdue,
            c.CompletedAt, c.Result, c.PickedUpAt, c.RefusalReason, c.RefusalBasis, c.RefusalNumber, c.WithdrawalReason,
            c.ExtraNoticeReason is not null,
            [.. c.Materials.OrderBy(m => m.SortOrder).Select(m => new CaseMaterialView(m.MaterialId, m.Name, m.Issuer, m.Originals,
                m.Copies, m.IsRequired, m.Notes, m.Received))],
            [.. c.Notices.OrderBy(n => n.SequenceInCase).Select(n => new NoticeSummary(n.Id, n.Number, n.IssuedAt,
                n.MissingMaterials.Count, n.IsException, n.ExceptionReason))],
            [.. c.Events.OrderBy(e => e.Sequence).Select(e => new CaseEventView(e.FromStatus, e.ToStatus, e.At, e.UserId,
                users.GetValueOrDefault(e.UserId), e.Note, e.Step))],
            [.. CaseStateMachine.Next(c.Status)],
            c.OriginalDueDate, c.ExtensionDays, c.ExtensionReason, c.ExtensionNumber, c.ExtendedAt, c.ClockPausedAt is not null,
            c.PausedWorkingDays,
            [.. c.Pauses.OrderBy(p => p.PausedAt).Select(p => new ClockPauseView(p.Id, p.Number, p.Kind, p.Reason, p.PausedAt, p.PausedDay,
                p.ResumedAt, p.ResumedDay, p.WorkingDays))]);
    }

    private async Task<(DeadlineState?, int)> DeadlineAsync(Case c, CancellationToken ct)
    {
        if (!CaseStateMachine.IsRunning(c.Status) || c.DueDate is not { } due || c.DueAt is not { } dueAt)
            return (null, 0);
        var hall = await db.Halls.AsNoTracking().FirstAsync(h => h.Id == c.HallId, ct);
        var calendar = (await HallCalendar.LoadAsync(db, c.HallId, ct)).Calendar;
        var now = time.GetUtcNow().UtcDateTime;
        var today = new HallClock(hall.TimeZoneId).BusinessDay(now);
        var state = DeadlineRules.Evaluate(calendar, today, now, due, dueAt, c.ClockPausedAt is not null);
        return (state, state == DeadlineState.Overdue ? Math.Max(1, DeadlineRules.DaysOverdue(calendar, today, due)) : 0);
    }
}
