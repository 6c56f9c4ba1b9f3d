using Microsoft.EntityFrameworkCore;
using ServiceHall.Core.Data;
using ServiceHall.Core.Features.Cases;
using ServiceHall.Core.Features.Halls;

namespace ServiceHall.Core.Features.Inquiries;

public sealed record InquiryForwardView(DateTime At, Guid ByUserId, ForwardReason Reason, Guid? ToUserId, string? ToUserName,
    Guid? ToDepartmentId, string? AcceptingBody, string Note, string? ResponsiblePersonName, string? ResponsiblePersonContact,
    string? ByUserName, string? ToDepartmentName);

public sealed record InquiryView(Guid Id, Guid HallId, string Question, InquiryChannel Channel, string CitizenName, string Contact,
    Guid OwnerUserId, string? OwnerName, DateTime RecordedAt, InquiryStatus Status, bool AnsweredOnTheSpot, DateTime? PromisedReplyAt,
    bool Overdue, Guid? HandlerUserId, string? Reply, DateTime? RepliedAt, Guid? RepliedByUserId, bool? RepliedOnTime,
    List<InquiryForwardView> Forwards, string? HandlerName = null, string? RepliedByName = null);

public sealed class GetInquiry(HallDbContext db, TimeProvider time)
{
    public async Task<InquiryView> HandleAsync(Guid inquiryId, Guid userId, CancellationToken ct)
    {
        var actor = await CaseAccess.ActorAsync(db, userId, ct);
        var i = await db.Inquiries.AsNoTracking().Include(x => x.Forwards).FirstOrDefaultAsync(x => x.Id == inquiryId, ct)
            ?? throw DomainException.NotFound(ErrorCodes.InquiryNotFound);
        if (actor.HallId is { } own && own != i.HallId)
            throw DomainException.NotFound(ErrorCodes.InquiryNotFound);
        var names = await InquiryNames.LoadAsync(db, [i], ct);
        return From(i, names, time.GetUtcNow().UtcDateTime);
    }

    public static InquiryView From(Inquiry i, InquiryNames names, DateTime now) =>
        new(i.Id, i.HallId, i.Question, i.Channel, i.CitizenNameMasked, i.ContactMasked, i.OwnerUserId, names.User(i.OwnerUserId),
            i.RecordedAt, i.Status, i.AnsweredOnTheSpot, i.PromisedReplyAt, InquiryRules.IsOverdue(i, now), i.HandlerUserId, i.Reply,
            i.RepliedAt, i.RepliedByUserId, InquiryRules.RepliedOnTime(i),
            [.. i.Forwards.OrderBy(f => f.At).Select(f => new InquiryForwardView(f.At, f.ByUserId, f.Reason, f.ToUserId,
                names.User(f.ToUserId), f.ToDepartmentId, f.AcceptingBody, f.Note, f.ResponsiblePersonName, f.ResponsiblePersonContact,
                names.User(f.ByUserId), names.Department(f.ToDepartmentId)))],
            names.User(i.HandlerUserId), names.User(i.RepliedByUserId));
}

/// <summary>The staff and department names an inquiry's view shows, read in two queries for a whole list.</summary>
public sealed class InquiryNames(IReadOnlyDictionary<Guid, string> users, IReadOnlyDictionary<Guid, string> departments)
{
    public string? User(Guid? id) => id is { } key ? users.GetValueOrDefault(key) : null;

    public string? Department(Guid? id) => id is { } key ? departments.GetValueOrDefault(key) : null;

    public static async Task<InquiryNames> LoadAsync(HallDbContext db, IReadOnlyCollection<Inquiry> inquiries, CancellationToken ct)
    {
        var userIds = inquiries.SelectMany(i => i.Forwards.SelectMany(f => new[] { f.ToUserId, f.ByUserId })
                .Concat([i.OwnerUserId, i.HandlerUserId, i.RepliedByUserId]))
            .OfType<Guid>().Distinct().ToList();
        var departmentIds = inquiries.SelectMany(i => i.Forwards.Select(f => f.ToDepartmentId)).OfType<Guid>().Distinct().ToList();
        var users = await db.Users.AsNoTracking().Where(u => userIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);
        var departments = departmentIds.Count == 0 ? new Dictionary<Guid, string>()
            : await db.Departments.AsNoTracking().Where(d => departmentIds.Contains(d.Id)).ToDictionaryAsync(d => d.Id, d => LocalNames.Of(d.Name, d.NameEn), ct);
        return new InquiryNames(users, departments);
    }
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
