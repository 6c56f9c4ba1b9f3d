using Microsoft.EntityFrameworkCore;
using ServiceHall.Core.Data;
using ServiceHall.Core.Features.Cases;
using ServiceHall.Core.Features.Identity;

namespace ServiceHall.Core.Features.Inquiries;

public sealed record ForwardInquiryRequest(ForwardReason? Reason, Guid? ToUserId, Guid? ToDepartmentId, string? AcceptingBody,
    string? Note, string? ResponsiblePersonName = null, string? ResponsiblePersonContact = null);

/// <summary>
/// The owner (or the colleague handling it) forwards an open inquiry with one of the two notes of M6;
/// the owner stays accountable for the promised reply.
/// </summary>
public sealed class ForwardInquiry(HallDbContext db, TimeProvider time, GetInquiry get)
{
    public async Task<InquiryView> HandleAsync(Guid inquiryId, ForwardInquiryRequest request, Guid userId, CancellationToken ct)
    {
        var reason = request.Reason ?? throw DomainException.Required("reason");
        var note = Reasons.Require(request.Note, "note");
        var body = InquiryText.Optional(request.AcceptingBody, "acceptingBody", 100);
        var person = InquiryText.Optional(request.ResponsiblePersonName, "responsiblePersonName", 50);
        var personContact = InquiryText.Optional(request.ResponsiblePersonContact, "responsiblePersonContact", InquiryLimits.Contact);
        switch (reason)
        {
            case ForwardReason.ResponsiblePersonAbsent when request.ToUserId is null && request.ToDepartmentId is null:
                throw DomainException.Required("toUserId");
            // M6: "record name and contact" of whoever is responsible but away.
            case ForwardReason.ResponsiblePersonAbsent when person is null:
                throw DomainException.Required("responsiblePersonName");
            case ForwardReason.ResponsiblePersonAbsent when personContact is null:
                throw DomainException.Required("responsiblePersonContact");
            case ForwardReason.NotOurResponsibility when body is null && request.ToDepartmentId is null:
                throw DomainException.Required("acceptingBody");
        }
        if (reason == ForwardReason.NotOurResponsibility)
            person = personContact = null;
        var actor = await CaseAccess.ActorAsync(db, userId, ct);
        var now = time.GetUtcNow().UtcDateTime;
        await using (var write = await db.BeginWriteAsync(ct))
        {
            var inquiry = await InquiryAccess.LoadForChangeAsync(db, inquiryId, actor, ct);
            if (request.ToUserId is { } to && !await db.Users.Where(HallMembers.In(db, inquiry.HallId)).AnyAsync(u => u.Id == to && u.Id != userId, ct))
                throw DomainException.Invalid("toUserId", ErrorCodes.UserNotFound);
            if (request.ToDepartmentId is { } dept && !await db.Departments.AnyAsync(d => d.Id == dept && d.HallId == inquiry.HallId, ct))
                throw DomainException.Invalid("toDepartmentId", ErrorCodes.DepartmentNotFound);
            db.InquiryForwards.Add(new InquiryForward
            {
                Id = Guid.CreateVersion7(now), InquiryId = inquiry.Id, At = now, ByUserId = userId, Reason = reason,
                ToUserId = request.ToUserId, ToDepartmentId = request.ToDepartmentId, AcceptingBody = body, Note = note,
                ResponsiblePersonName = person, ResponsiblePersonContact = personContact,
            });
            inquiry.HandlerUserId = request.ToUserId;
            inquiry.HandlerDepartmentId = request.ToDepartmentId;
            inquiry.Version++;
            await InquiryAccess.SaveAsync(db, write, ct);
        }
        return await get.HandleAsync(inquiryId, userId, ct);
    }
}
