using Microsoft.EntityFrameworkCore;
using ServiceHall.Core.Data;
using ServiceHall.Core.Features.Halls;

namespace ServiceHall.Core.Features.Complaints;

/// <summary>
/// What the complainant sees with the tracking code of the online form: status, deadline and the reply. No names.
/// <paramref name="RepliedOn"/> is the reply's day in the hall's time zone.
/// </summary>
public sealed record ComplaintTrackingView(string Number, string Title, ComplaintStatus Status, DateTime RegisteredAt, DateOnly ReplyDue,
    string? Reply, DateTime? RepliedAt, DateOnly? RepliedOn = null);

public sealed class TrackComplaint(HallDbContext db)
{
    public async Task<ComplaintTrackingView> HandleAsync(Guid trackingCode, CancellationToken ct)
    {
        var found = await db.Complaints.AsNoTracking().Where(c => c.TrackingCode == trackingCode)
            .Join(db.Halls, c => c.HallId, h => h.Id, (c, h) => new { c, h.TimeZoneId })
            .FirstOrDefaultAsync(ct)
            ?? throw DomainException.NotFound(ErrorCodes.ComplaintNotFound);
        var c = found.c;
        var repliedOn = c.RepliedAt is { } at ? new HallClock(found.TimeZoneId).BusinessDay(at) : (DateOnly?)null;
        return new ComplaintTrackingView(c.Number, c.Title, c.Status, c.RegisteredAt, c.ReplyDue, c.Reply, c.RepliedAt, repliedOn);
    }
}
