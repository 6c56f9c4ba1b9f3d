using Microsoft.EntityFrameworkCore;
using ServiceHall.Core.Data;
using ServiceHall.Core.Features.Alerts;
using ServiceHall.Core.Features.Complaints;
using ServiceHall.Core.Features.Halls;
using ServiceHall.Core.Features.Halls.Templates;
using ServiceHall.Core.Features.Ratings;

namespace ServiceHall.Core.Features.Supervision;

/// <summary>
/// Raises an alert for every follow-up and complaint past its stage deadline and clears it when the
/// stage moves on or the case closes. Its alerts are its own kinds; the queue scan leaves them alone.
/// A deadline is a day: it is passed once that day of the hall is over.
/// </summary>
public sealed class ScanSupervisionDeadlines(HallDbContext db, TimeProvider time, ReconcileAlerts reconcile)
{
    public static readonly AlertKind[] Kinds = [AlertKind.FollowUpOverdue, AlertKind.ComplaintOverdue];

    public async Task HandleAsync(Guid hallId, CancellationToken ct)
    {
        var hall = await db.Halls.AsNoTracking().FirstOrDefaultAsync(h => h.Id == hallId, ct);
        if (hall is null)
            return;
        var now = time.GetUtcNow().UtcDateTime;
        var today = new HallClock(hall.TimeZoneId).BusinessDay(now);

        var due = new Dictionary<string, (AlertKind Kind, int DaysOver, int Allowed, Guid? CounterId)>();
        var followUps = await db.RatingFollowUps.AsNoTracking().Where(f => f.HallId == hallId && f.Stage != FollowUpStage.Closed)
            .Join(db.Ratings, f => f.RatingId, r => r.Id, (f, r) => new { f.Id, f.Stage, f.CallbackDue, f.ResolveDue, f.RectificationDue, f.OpenedAt, r.CounterId })
            .ToListAsync(ct);
        foreach (var f in followUps)
        {
            var deadline = f.Stage == FollowUpStage.Callback ? f.CallbackDue : f.RectificationDue ?? f.ResolveDue;
            if (today > deadline)
                due[AlertRules.Key(AlertKind.FollowUpOverdue, f.Id)] = (AlertKind.FollowUpOverdue, today.DayNumber - deadline.DayNumber,
                    deadline.DayNumber - DateOnly.FromDateTime(f.OpenedAt).DayNumber, f.CounterId);
        }
        // A hall without the complaints module raises no complaint alerts, and its open ones clear.
        var usesComplaints = hall.Uses(HallModule.Complaints);
        var complaints = await db.Complaints.AsNoTracking().Where(c => usesComplaints && c.HallId == hallId && c.Status != ComplaintStatus.Closed)
            .Select(c => new { c.Id, c.Status, c.AssignDue, c.ReplyDue, c.CloseDue, c.RegisteredAt, c.CounterId }).ToListAsync(ct);
        foreach (var c in complaints)
        {
            var deadline = Complaint.StageDue(c.Status, c.AssignDue, c.ReplyDue, c.CloseDue)!.Value;
            if (today > deadline)
                due[AlertRules.Key(AlertKind.ComplaintOverdue, c.Id)] = (AlertKind.ComplaintOverdue, today.DayNumber - deadline.DayNumber,
                    deadline.DayNumber - DateOnly.FromDateTime(c.RegisteredAt).DayNumber, c.CounterId);
        }

        var alerts = due.Select(d => new Alert
        {
            Id = Guid.CreateVersion7(now), HallId = hallId, Kind = d.Value.Kind, ConditionKey = d.Key, CounterId = d.Value.CounterId,
            Value = d.Value.DaysOver, Threshold = d.Value.Allowed, RaisedAt = now,
        }).ToDictionary(a => a.ConditionKey);
        await reconcile.HandleAsync(hallId, Kinds, alerts, now, ct);
    }
}
