using Microsoft.EntityFrameworkCore;
using ServiceHall.Core.Data;
using ServiceHall.Core.Features.Supervision;

namespace ServiceHall.Core.Features.Ratings;

public sealed record FollowUpEventView(FollowUpStage From, FollowUpStage To, Guid UserId, string? UserName, DateTime At, string? Note);

public sealed record FollowUpView(Guid Id, Guid HallId, FollowUpStage Stage, DateTime OpenedAt, DateOnly CallbackDue, DateOnly ResolveDue,
    RatingView Rating, Guid? CounterId, Guid? StaffUserId, string? StaffName, DateTime? CalledBackAt, string? CallbackNote,
    DateTime? VerifiedAt, bool? Confirmed, string? VerificationNote, Guid? OwnerUserId, DateOnly? RectificationDue,
    DateTime? RectifiedAt, string? RectificationNote, DateTime? ReportedAt, string? ReportNote, bool? CitizenSatisfied,
    DateTime? ClosedAt, List<FollowUpEventView> History, DateTime? ExcludedAt = null, string? ExclusionReason = null)
{
    /// <summary>The deadline of the stage it is at: callback, then the rectification's (or the rule's) deadline.</summary>
    public DateOnly? StageDue => Stage switch
    {
        FollowUpStage.Closed => null,
        FollowUpStage.Callback => CallbackDue,
        _ => RectificationDue ?? ResolveDue,
    };

    public bool IsOverdue(DateOnly today) => StageDue is { } due && today > due;
}

/// <summary>Bad ratings' follow-ups of a hall for the supervisor: open ones first by their deadline.</summary>
public sealed class ListFollowUps(HallDbContext db)
{
    public async Task<List<FollowUpView>> HandleAsync(Guid hallId, Guid readerId, bool openOnly, CancellationToken ct)
    {
        await HallAccess.EnsureAsync(db, hallId, readerId, ct);
        var query = db.RatingFollowUps.AsNoTracking().Where(f => f.HallId == hallId);
        if (openOnly)
            query = query.Where(f => f.Stage != FollowUpStage.Closed);
        var ids = await query.OrderBy(f => f.CallbackDue).ThenBy(f => f.OpenedAt).Select(f => f.Id).Take(500).ToListAsync(ct);
        return await ReadAsync(db, ids, ct);
    }

    public async Task<FollowUpView> GetAsync(Guid followUpId, Guid readerId, CancellationToken ct)
    {
        var hallId = await db.RatingFollowUps.Where(f => f.Id == followUpId).Select(f => (Guid?)f.HallId).FirstOrDefaultAsync(ct)
            ?? throw DomainException.NotFound(ErrorCodes.FollowUpNotFound);
        await HallAccess.EnsureAsync(db, hallId, readerId, ct);
        return await GetAsync(db, followUpId, ct);
    }

    /// <summary>The rectification's owner (a staff member) reads the follow-up given to them, and no other.</summary>
    public async Task<FollowUpView> GetAsOwnerAsync(Guid followUpId, Guid readerId, CancellationToken ct)
    {
        var view = await GetAsync(followUpId, readerId, ct);
        return view.OwnerUserId == readerId ? view : throw new DomainException(ErrorKind.Forbidden, ErrorCodes.FollowUpNotOwner);
    }

    internal static async Task<FollowUpView> GetAsync(HallDbContext db, Guid followUpId, CancellationToken ct) =>
        (await ReadAsync(db, [followUpId], ct)).Single();

    private static async Task<List<FollowUpView>> ReadAsync(HallDbContext db, List<Guid> ids, CancellationToken ct)
    {
        var rows = await db.RatingFollowUps.AsNoTracking().Where(f => ids.Contains(f.Id))
            .Join(db.Ratings, f => f.RatingId, r => r.Id, (f, r) => new { f, r }).ToListAsync(ct);
        var events = await db.FollowUpEvents.AsNoTracking().Where(e => ids.Contains(e.FollowUpId)).OrderBy(e => e.Id).ToListAsync(ct);
        var userIds = rows.Select(x => x.r.StaffUserId).Concat(events.Select(e => (Guid?)e.UserId)).OfType<Guid>().Distinct().ToList();
        var names = await db.Users.AsNoTracking().Where(u => userIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);
        var byId = rows.ToDictionary(x => x.f.Id);
        return ids.Where(byId.ContainsKey).Select(id =>
        {
            var (f, r) = (byId[id].f, byId[id].r);
            var history = events.Where(e => e.FollowUpId == id)
                .Select(e => new FollowUpEventView(e.From, e.To, e.UserId, names.GetValueOrDefault(e.UserId), e.At, e.Note)).ToList();
            return new FollowUpView(f.Id, f.HallId, f.Stage, f.OpenedAt, f.CallbackDue, f.ResolveDue, RatingView.From(r, f.Id),
                r.CounterId, r.StaffUserId, r.StaffUserId is { } s ? names.GetValueOrDefault(s) : null, f.CalledBackAt, f.CallbackNote,
                f.VerifiedAt, f.Confirmed, f.VerificationNote, f.OwnerUserId, f.RectificationDue, f.RectifiedAt, f.RectificationNote,
                f.ReportedAt, f.ReportNote, f.CitizenSatisfied, f.ClosedAt, history, r.ExcludedAt, r.ExclusionReason);
        }).ToList();
    }
}
