using Microsoft.EntityFrameworkCore;
using ServiceHall.Core.Data;
using ServiceHall.Core.Features.Supervision;
using ServiceHall.Core.Features.Halls;

namespace ServiceHall.Core.Features.Complaints;

public sealed record ComplaintEventView(ComplaintAction Action, ComplaintStatus From, ComplaintStatus To, Guid? UserId, string? UserName,
    DateTime At, string? Note);

/// <summary>A complaint as supervisors see it: personal data masked only (the clear value is a separate, audited read).</summary>
public sealed record ComplaintView(Guid Id, Guid HallId, string Number, ComplaintChannel Channel, string Title, string Content,
    bool Anonymous, string ComplainantNameMasked, string ContactPhoneMasked, ComplaintSubject Subject, Guid? CounterId,
    Guid? StaffUserId, Guid? ServiceItemId, ComplaintStatus Status, ComplaintDisposition Disposition, string? DispositionReason,
    Guid? DuplicateOfId, DateTime RegisteredAt, Guid? AssigneeUserId, string? AssigneeName, DateOnly AssignDue, DateOnly ReplyDue,
    DateOnly CloseDue, string? Finding, string? Reply, DateTime? RepliedAt, DateTime? ClosedAt, int ReopenCount,
    List<ComplaintEventView> History, Guid? AssigneeDepartmentId = null, string? AssigneeDepartmentName = null, DateOnly? ExtendedUntil = null,
    string? ExtensionReason = null, ComplaintCategory Category = ComplaintCategory.Other, bool? Upheld = null)
{
    /// <summary>The deadline of the stage it is at (承诺时限), none once closed.</summary>
    public DateOnly? StageDue => Complaint.StageDue(Status, AssignDue, ReplyDue, CloseDue);

    /// <summary>超期天数: days past the stage deadline on the hall's day <paramref name="today"/>.</summary>
    public int OverdueDays(DateOnly today) => StageDue is { } due && today > due ? today.DayNumber - due.DayNumber : 0;
}

public sealed class ListComplaints(HallDbContext db)
{
    public async Task<List<ComplaintView>> HandleAsync(Guid hallId, Guid readerId, ComplaintStatus? status, CancellationToken ct)
    {
        await HallAccess.EnsureAsync(db, hallId, readerId, ct);
        var query = db.Complaints.AsNoTracking().Where(c => c.HallId == hallId);
        if (status is { } s)
            query = query.Where(c => c.Status == s);
        var ids = await query.OrderByDescending(c => c.RegisteredAt).Select(c => c.Id).Take(500).ToListAsync(ct);
        return await ReadAsync(db, ids, ct);
    }

    public async Task<ComplaintView> GetAsync(Guid complaintId, Guid readerId, CancellationToken ct)
    {
        var hallId = await db.Complaints.Where(c => c.Id == complaintId).Select(c => (Guid?)c.HallId).FirstOrDefaultAsync(ct)
            ?? throw DomainException.NotFound(ErrorCodes.ComplaintNotFound);
        await HallAccess.EnsureAsync(db, hallId, readerId, ct);
        return await GetAsync(db, complaintId, ct);
    }

    /// <summary>The complaints a staff member handles (承办), open ones first: theirs to investigate and answer.</summary>
    public async Task<List<ComplaintView>> AssignedToAsync(Guid userId, CancellationToken ct)
    {
        var ids = await db.Complaints.AsNoTracking().Where(c => c.AssigneeUserId == userId)
            .OrderBy(c => c.Status == ComplaintStatus.Closed).ThenBy(c => c.ReplyDue).Select(c => c.Id).Take(500).ToListAsync(ct);
        return await ReadAsync(db, ids, ct);
    }

    /// <summary>One complaint for its assignee; anyone else of the staff is refused.</summary>
    public async Task<ComplaintView> GetAsAssigneeAsync(Guid complaintId, Guid readerId, CancellationToken ct)
    {
        var view = await GetAsync(complaintId, readerId, ct);
        return view.AssigneeUserId == readerId ? view : throw new DomainException(ErrorKind.Forbidden, ErrorCodes.ComplaintNotAssignee);
    }

    internal static async Task<ComplaintView> GetAsync(HallDbContext db, Guid complaintId, CancellationToken ct) =>
        (await ReadAsync(db, [complaintId], ct)).Single();

    private static async Task<List<ComplaintView>> ReadAsync(HallDbContext db, List<Guid> ids, CancellationToken ct)
    {
        var complaints = await db.Complaints.AsNoTracking().Where(c => ids.Contains(c.Id)).ToDictionaryAsync(c => c.Id, ct);
        var events = await db.ComplaintEvents.AsNoTracking().Where(e => ids.Contains(e.ComplaintId)).OrderBy(e => e.Id).ToListAsync(ct);
        var userIds = events.Select(e => e.UserId).Concat(complaints.Values.Select(c => c.AssigneeUserId)).OfType<Guid>().Distinct().ToList();
        var names = await db.Users.AsNoTracking().Where(u => userIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);
        var departmentIds = complaints.Values.Select(c => c.AssigneeDepartmentId).OfType<Guid>().Distinct().ToList();
        var departments = await db.Departments.AsNoTracking().Where(d => departmentIds.Contains(d.Id)).ToDictionaryAsync(d => d.Id, d => LocalNames.Of(d.Name, d.NameEn), ct);
        return ids.Where(complaints.ContainsKey).Select(id =>
        {
            var c = complaints[id];
            var history = events.Where(e => e.ComplaintId == id).Select(e => new ComplaintEventView(e.Action, e.From, e.To, e.UserId,
                e.UserId is { } u ? names.GetValueOrDefault(u) : null, e.At, e.Note)).ToList();
            return new ComplaintView(c.Id, c.HallId, c.Number, c.Channel, c.Title, c.Content, c.Anonymous, c.ComplainantNameMasked,
                c.ContactPhoneMasked, c.Subject, c.CounterId, c.StaffUserId, c.ServiceItemId, c.Status, c.Disposition, c.DispositionReason,
                c.DuplicateOfId, c.RegisteredAt, c.AssigneeUserId, c.AssigneeUserId is { } a ? names.GetValueOrDefault(a) : null,
                c.AssignDue, c.ReplyDue, c.CloseDue, c.Finding, c.Reply, c.RepliedAt, c.ClosedAt, c.ReopenCount, history,
                c.AssigneeDepartmentId, c.AssigneeDepartmentId is { } d ? departments.GetValueOrDefault(d) : null, c.ExtendedUntil, c.ExtensionReason, c.Category, c.Upheld);
        }).ToList();
    }
}
