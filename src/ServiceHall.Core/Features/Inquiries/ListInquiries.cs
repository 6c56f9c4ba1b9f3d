using Microsoft.EntityFrameworkCore;
using ServiceHall.Core.Data;
using ServiceHall.Core.Features.Cases;

namespace ServiceHall.Core.Features.Inquiries;

/// <summary>A hall's inquiries, newest first: all, open ones, or those a staff member owns or handles.</summary>
public sealed class ListInquiries(HallDbContext db, TimeProvider time)
{
    public async Task<List<InquiryView>> HandleAsync(Guid hallId, InquiryStatus? status, bool mine, int take, Guid userId, CancellationToken ct)
    {
        var actor = await CaseAccess.ActorAsync(db, userId, ct);
        if (!await db.Halls.AnyAsync(h => h.Id == hallId, ct) || actor.HallId is { } own && own != hallId)
            throw DomainException.NotFound(ErrorCodes.HallNotFound);
        var query = db.Inquiries.AsNoTracking().Include(i => i.Forwards).Where(i => i.HallId == hallId);
        if (status is { } s)
            query = query.Where(i => i.Status == s);
        if (mine)
            query = query.Where(i => i.OwnerUserId == userId || i.HandlerUserId == userId);
        var inquiries = await query.OrderByDescending(i => i.RecordedAt).Take(Math.Clamp(take, 1, 200)).ToListAsync(ct);
        var names = await InquiryNames.LoadAsync(db, inquiries, ct);
        var now = time.GetUtcNow().UtcDateTime;
        return [.. inquiries.Select(i => GetInquiry.From(i, names, now))];
    }
}
