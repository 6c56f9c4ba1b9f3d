using Microsoft.EntityFrameworkCore;
using ServiceHall.Core.Data;
using ServiceHall.Core.Features.Cases;

namespace ServiceHall.Core.Features.Inquiries;

public sealed record InquiryForwardView(DateTime At, Guid ByUserId, ForwardReason Reason, Guid? ToUserId, string? ToUserName,
    Guid? ToDepartmentId, string? AcceptingBody, string Note);

public sealed record InquiryView(Guid Id, Guid HallId, string Question, InquiryChannel Channel, string CitizenName, string Contact,
    Guid OwnerUserId, string? OwnerName, DateTime RecordedAt, InquiryStatus Status, bool AnsweredOnTheSpot, DateTime? PromisedReplyAt,
    bool Overdue, Guid? HandlerUserId, string? Reply, DateTime? RepliedAt, Guid? RepliedByUserId, bool? RepliedOnTime,
    List<InquiryForwardView> Forwards);

public sealed class GetInquiry(HallDbContext db, TimeProvider time)
{
    public async Task<InquiryView> HandleAsync(Guid inquiryId, Guid userId, CancellationToken ct)
    {
        var actor = await CaseAccess.ActorAsync(db, userId, ct);
        var i = await db.Inquiries.AsNoTracking().Include(x => x.Forwards).FirstOrDefaultAsync(x => x.Id == inquiryId, ct)
            ?? throw DomainException.NotFound(ErrorCodes.InquiryNotFound);
        if (actor.HallId is { } own && own != i.HallId)
            throw DomainException.NotFound(ErrorCodes.InquiryNotFound);
        var ids = i.Forwards.Select(f => f.ToUserId).OfType<Guid>().Append(i.OwnerUserId).Distinct().ToList();
        var names = await db.Users.AsNoTracking().Where(u => ids.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);
        return From(i, names, time.GetUtcNow().UtcDateTime);
    }

    public static InquiryView From(Inquiry i, IReadOnlyDictionary<Guid, string> names, DateTime now) =>
        new(i.Id, i.HallId, i.Question, i.Channel, i.CitizenNameMasked, i.ContactMasked, i.OwnerUserId, names.GetValueOrDefault(i.OwnerUserId),
            i.RecordedAt, i.Status, i.AnsweredOnTheSpot, i.PromisedReplyAt, InquiryRules.IsOverdue(i, now), i.HandlerUserId, i.Reply,
            i.RepliedAt, i.RepliedByUserId, InquiryRules.RepliedOnTime(i),
            [.. i.Forwards.OrderBy(f => f.At).Select(f => new InquiryForwardView(f.At, f.ByUserId, f.Reason, f.ToUserId,
                f.ToUserId is { } to ? names.GetValueOrDefault(to) : null, f.ToDepartmentId, f.AcceptingBody, f.Note))]);
}

/// <summary>M6's measures, pure: an open promise past its time is overdue; a reply within the promise is on time.</summary>
public static class InquiryRules
{
    public static bool IsOverdue(Inquiry i, DateTime now) =>
        i.Status == InquiryStatus.Open && i.PromisedReplyAt is { } promised && now > promised;

    /// <summary>Null while open; on-the-spot answers count as on time.</summary>
    public static bool? RepliedOnTime(Inquiry i) => i.Status != InquiryStatus.Answered ? null
        : i.AnsweredOnTheSpot || (i.PromisedReplyAt is { } promised && i.RepliedAt <= promised);
}
