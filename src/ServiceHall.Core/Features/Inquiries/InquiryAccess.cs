using Microsoft.EntityFrameworkCore;
using ServiceHall.Core.Data;
using ServiceHall.Core.Features.Cases;

namespace ServiceHall.Core.Features.Inquiries;

public static class InquiryAccess
{
    /// <summary>
    /// An open inquiry of the actor's hall that the actor may act on: its owner, the colleague it was
    /// forwarded to, or a supervisor.
    /// </summary>
    public static async Task<Inquiry> LoadForChangeAsync(HallDbContext db, Guid inquiryId, CaseActor actor, CancellationToken ct)
    {
        var inquiry = await db.Inquiries.FirstOrDefaultAsync(i => i.Id == inquiryId, ct)
            ?? throw DomainException.NotFound(ErrorCodes.InquiryNotFound);
        if (actor.HallId is { } own && own != inquiry.HallId)
            throw DomainException.NotFound(ErrorCodes.InquiryNotFound);
        if (inquiry.Status == InquiryStatus.Answered)
            throw DomainException.Conflict(ErrorCodes.InquiryAlreadyAnswered);
        if (inquiry.OwnerUserId != actor.UserId && inquiry.HandlerUserId != actor.UserId && !actor.IsSupervisor)
            throw new DomainException(ErrorKind.Forbidden, ErrorCodes.InquiryNotYours);
        return inquiry;
    }

    public static async Task SaveAsync(HallDbContext db, WriteScope write, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw DomainException.Conflict(ErrorCodes.InquiryAlreadyAnswered);
        }
        await write.CommitAsync(ct);
    }
}
