using Microsoft.EntityFrameworkCore;
using ServiceHall.Core.Data;
using ServiceHall.Core.Features.Guides;
using ServiceHall.Core.Features.Halls;

namespace ServiceHall.Core.Features.Cases;

public sealed record CaseListItem(Guid Id, string Number, Guid ServiceItemId, string ItemName, Guid DepartmentId, CaseStatus Status,
    string ApplicantName, DateTime RegisteredAt, TimeLimitClass TimeLimitClass, DateOnly? DueDate, DateOnly? PickupDate,
    int NoticeCount, bool HasExceptionalNotice);

/// <summary>A hall's cases, newest first, with personal data masked; filtered by state or ticket.</summary>
public sealed class ListCases(HallDbContext db)
{
    public const int MaxTake = 200;

    public async Task<List<CaseListItem>> HandleAsync(Guid hallId, CaseStatus? status, Guid? ticketId, int take, Guid userId,
        CancellationToken ct)
    {
        var actor = await CaseAccess.ActorAsync(db, userId, ct);
        if (!await db.Halls.AnyAsync(h => h.Id == hallId, ct))
            throw DomainException.NotFound(ErrorCodes.HallNotFound);
        if (actor.HallId is { } own && own != hallId)
            throw DomainException.NotFound(ErrorCodes.HallNotFound);
        var cases = db.Cases.AsNoTracking().Where(c => c.HallId == hallId);
        if (status is { } s)
            cases = cases.Where(c => c.Status == s);
        if (ticketId is { } t)
            cases = cases.Where(c => c.TicketId == t);
        return await cases.OrderByDescending(c => c.RegisteredAt).Take(Math.Clamp(take, 1, MaxTake))
            .Select(c => new CaseListItem(c.Id, c.Number, c.ServiceItemId,
                LocalNames.Of(db.ServiceItems.Where(i => i.Id == c.ServiceItemId).Select(i => i.Name).First(),
                    db.ServiceItems.Where(i => i.Id == c.ServiceItemId).Select(i => i.NameEn).First()), c.DepartmentId, c.Status,
                c.ApplicantNameMasked, c.RegisteredAt, c.TimeLimitClass, c.DueDate, c.PickupDate, c.Notices.Count,
                c.Notices.Any(n => n.IsException)))
            .ToListAsync(ct);
    }
}
