using ServiceHall.Core.Data;
using ServiceHall.Core.Input;

namespace ServiceHall.Core.Features.Inquiries;

public sealed record ReplyInquiryRequest([Text(InquiryLimits.Text, MultiLine = true)] string? Reply);

/// <summary>The one final reply ("一次性答复") closes the inquiry; by the owner or the colleague it was forwarded to.</summary>
public sealed class ReplyInquiry(HallDbContext db, TimeProvider time, GetInquiry get)
{
    public async Task<InquiryView> HandleAsync(Guid inquiryId, ReplyInquiryRequest request, Guid userId, CancellationToken ct)
    {
        var reply = InquiryText.Require(request.Reply, "reply");
        var actor = await Cases.CaseAccess.ActorAsync(db, userId, ct);
        var now = time.GetUtcNow().UtcDateTime;
        await using (var write = await db.BeginWriteAsync(ct))
        {
            var inquiry = await InquiryAccess.LoadForChangeAsync(db, inquiryId, actor, ct);
            inquiry.Status = InquiryStatus.Answered;
            inquiry.Reply = reply;
            inquiry.RepliedAt = now;
            inquiry.RepliedByUserId = userId;
            inquiry.Version++;
            await InquiryAccess.SaveAsync(db, write, ct);
        }
        return await get.HandleAsync(inquiryId, userId, ct);
    }
}
