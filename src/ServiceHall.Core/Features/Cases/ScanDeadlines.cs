using Microsoft.EntityFrameworkCore;
using ServiceHall.Core.Data;
using ServiceHall.Core.Features.Alerts;
using ServiceHall.Core.Features.Calendar;
using ServiceHall.Core.Features.Halls;
using ServiceHall.Core.Features.Halls.Templates;
using ServiceHall.Core.Features.Inquiries;

namespace ServiceHall.Core.Features.Cases;

/// <summary>
/// M5 and M6 deadlines: a warning from the working day before a case's promised date, an overdue
/// alert after it, and an alert for every inquiry whose promised reply time has passed. Raised once,
/// cleared when the case or inquiry is done; pushed to the screens like the queue alerts.
/// </summary>
public sealed class ScanDeadlines(HallDbContext db, TimeProvider time, ReconcileAlerts reconcile)
{
    public static readonly AlertKind[] Kinds = [AlertKind.CaseDueSoon, AlertKind.CaseOverdue, AlertKind.InquiryOverdue];

    public async Task HandleAsync(Guid hallId, CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var hall = await db.Halls.AsNoTracking().FirstOrDefaultAsync(h => h.Id == hallId, ct);
        if (hall is null)
            return;
        var today = new HallClock(hall.TimeZoneId).BusinessDay(now);
        var calendar = (await HallCalendar.LoadAsync(db, hallId, ct)).Calendar;
        var due = new Dictionary<string, Alert>();
        // A paused clock (art. 45) is left out, so its alerts clear; an extended case is read with its new due date.
        // A module the hall has switched off raises nothing, and its open alerts clear.
        var (usesCases, usesInquiries) = (hall.Uses(HallModule.Cases), hall.Uses(HallModule.Inquiries));
        var running = await db.Cases.AsNoTracking()
            .Where(c => usesCases && c.HallId == hallId && (c.Status == CaseStatus.Accepted || c.Status == CaseStatus.InProgress) && c.DueAt != null
                        && c.ClockPausedAt == null)
            .Select(c => new { c.Id, c.ServiceItemId, c.DueDate, c.DueAt, c.PromisedDays }).ToListAsync(ct);
        foreach (var c in running)
        {
            var state = DeadlineRules.Evaluate(calendar, today, now, c.DueDate!.Value, c.DueAt!.Value);
            if (state == DeadlineState.OnTime)
                continue;
            var kind = state == DeadlineState.Overdue ? AlertKind.CaseOverdue : AlertKind.CaseDueSoon;
            // Value: working days overdue, or left before the due date.
            var value = state == DeadlineState.Overdue
                ? Math.Max(1, DeadlineRules.DaysOverdue(calendar, today, c.DueDate.Value))
                : calendar.WorkingDaysBetween(today, c.DueDate.Value);
            var alert = New(hallId, kind, c.Id, now, value, c.PromisedDays);
            alert.ServiceItemId = c.ServiceItemId;
            due[alert.ConditionKey] = alert;
        }
        var promises = await db.Inquiries.AsNoTracking()
            .Where(i => usesInquiries && i.HallId == hallId && i.Status == InquiryStatus.Open && i.PromisedReplyAt != null && i.PromisedReplyAt < now)
            .Select(i => new { i.Id, i.PromisedReplyAt }).ToListAsync(ct);
        foreach (var i in promises)
        {
            var alert = New(hallId, AlertKind.InquiryOverdue, i.Id, now, AlertRules.MinutesSince(i.PromisedReplyAt!.Value, now), 0);
            due[alert.ConditionKey] = alert;
        }

        await reconcile.HandleAsync(hallId, Kinds, due, now, ct);
    }

    private static Alert New(Guid hallId, AlertKind kind, Guid subject, DateTime now, int value, int threshold) => new()
    {
        Id = Guid.CreateVersion7(now), HallId = hallId, Kind = kind, SubjectId = subject, ConditionKey = AlertRules.Key(kind, subject),
        Value = value, Threshold = threshold, RaisedAt = now,
    };
}
