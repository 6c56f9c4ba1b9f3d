using Microsoft.EntityFrameworkCore;
using ServiceHall.Core.Data;

namespace ServiceHall.Core.Features.Complaints;

/// <summary>What the complainant sees with the tracking code of the online form: status, deadline and the reply. No names.</summary>
public sealed record ComplaintTrackingView(string Number, string Title, ComplaintStatus Status, DateTime RegisteredAt, DateOnly ReplyDue,
    string? Reply, DateTime? RepliedAt);

public sealed class TrackComplaint(HallDbContext db)
{
    public async Task<ComplaintTrackingView> HandleAsync(Guid trackingCode, CancellationToken ct) =>
        await db.Complaints.AsNoTracking().Where(c => c.TrackingCode == trackingCode)
            .Select(c => new ComplaintTrackingView(c.Number, c.Title, c.Status, c.RegisteredAt, c.ReplyDue, c.Reply, c.RepliedAt))
            .FirstOrDefaultAsync(ct)
        ?? throw DomainException.NotFound(ErrorCodes.ComplaintNotFound);
}
